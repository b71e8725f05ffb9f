import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor } from './support/yjs-client'
import { paragraph } from './support/notes'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('room sync', () => {
  it('converges two stock y-websocket clients', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    await Promise.all([a.synced, b.synced])

    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('from a')])
    b.doc.getXmlFragment('notes:discuss').insert(0, [paragraph('from b')])

    await waitFor(() => b.doc.getXmlFragment('notes:review').toString().includes('from a'))
    await waitFor(() => a.doc.getXmlFragment('notes:discuss').toString().includes('from b'))

    a.destroy()
    b.destroy()
  })
})
