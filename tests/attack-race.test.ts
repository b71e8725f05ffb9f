import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CloseCode } from '../shared/wire'
import { encodeUpdateMessage, joined, makeNotesUpdate, roundTrip } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

/** Holds every room load until the returned function is called. */
function holdRoomLoads(): () => void {
  const documents = server.services.documents
  const load = documents.load.bind(documents)
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  documents.load = async (name: string) => {
    await gate
    return load(name)
  }
  return () => {
    documents.load = load
    release()
  }
}

describe('membership changes while a room loads', () => {
  it('close the socket of a member removed during the load', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Leaving')
    await facilitator.addMember(teamId, member, 'member')

    const release = holdRoomLoads()
    const socket = openRawSocket(server.url, meetingId, { cookie: member.cookie })
    await socket.opened
    const removed = await facilitator.request(
      'DELETE',
      `/api/teams/${teamId}/members/${member.user!.id}`,
    )
    expect(removed.status).toBe(200)
    release()

    expect((await socket.closed).code).toBe(CloseCode.Forbidden)
  })

  it('drop updates of a member demoted during the load', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Demoted')
    await facilitator.addMember(teamId, member, 'member')

    const release = holdRoomLoads()
    const socket = openRawSocket(server.url, meetingId, { cookie: member.cookie })
    await socket.opened
    const demoted = await facilitator.request(
      'PATCH',
      `/api/teams/${teamId}/members/${member.user!.id}`,
      { role: 'observer' },
    )
    expect(demoted.status).toBe(200)
    release()
    await joined(socket)

    socket.ws.send(encodeUpdateMessage(makeNotesUpdate('written after the demotion')))
    await roundTrip(socket.ws, socket.messages)
    socket.ws.close()
    await socket.closed

    const reader = connectProvider(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(reader.doc.getXmlFragment('notes:review').toString()).not.toContain('after the')
    reader.destroy()
  })

  it('close the socket of a session ended during the load', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const release = holdRoomLoads()
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    const signedOut = await facilitator.request('POST', '/api/auth/logout')
    expect(signedOut.status).toBe(200)
    release()

    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated)
  })

  it('close a socket that floods a loading room', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const release = holdRoomLoads()
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    const chunk = new Uint8Array(1024 * 1024)
    for (let i = 0; i < 40; i++) socket.ws.send(chunk)
    const closed = await socket.closed
    release()

    expect(closed.code).toBe(CloseCode.MessageTooLarge)
  })

  it('keep an ended meeting read-only when it ends during the load', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const release = holdRoomLoads()
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    const ended = await facilitator.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'end',
    })
    expect(ended.status).toBe(200)
    release()
    await joined(socket)

    socket.ws.send(encodeUpdateMessage(makeNotesUpdate('written after the end')))
    await roundTrip(socket.ws, socket.messages)
    socket.ws.close()
    await socket.closed

    const reader = connectProvider(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(reader.doc.getXmlFragment('notes:review').toString()).not.toContain('after the')
    reader.destroy()
  })
})
