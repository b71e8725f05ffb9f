import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { paragraph, waitForRoomNotes } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('meeting record export', () => {
  it('lists who joined and the live notes', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const observer = await new ApiClient(server.url).signup('Olu Observer')
    await facilitator.addMember(teamId, observer, 'observer')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, observer.cookie)
    await Promise.all([a.synced, b.synced])
    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('Typed just now')])
    await waitForRoomNotes(server, meetingId, 'review', 1)

    let record = ''
    for (let attempt = 0; attempt < 250 && !record.includes('Olu Observer'); attempt++) {
      const response = await observer.request('GET', `/api/meetings/${meetingId}/export?format=md`)
      expect(response.status).toBe(200)
      record = response.body
      if (!record.includes('Olu Observer')) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(record).toContain('- Facilitator (facilitator)\n- Olu Observer (observer)')
    expect(record).toContain('### 2. Review\n\n*Planned 15 min · not timed*\n\nTyped just now')
    expect(record).toContain('- **Time zone:** UTC')

    a.destroy()
    b.destroy()
  })

  it('rejects bad requests', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const outsider = await new ApiClient(server.url).signup('Outsider')
    const anonymous = new ApiClient(server.url)
    const path = `/api/meetings/${meetingId}/export`

    const cases: Array<[ApiClient, string, number, RegExp]> = [
      [anonymous, `${path}?format=md`, 401, /not signed in/],
      [outsider, `${path}?format=md`, 404, /meeting not found/],
      [facilitator, `/api/meetings/no-such-meeting/export?format=md`, 404, /meeting not found/],
      [facilitator, `${path}?format=pdf`, 400, /invalid format "pdf"/],
      [facilitator, `${path}?format=md&tz=Mars/Olympus`, 400, /invalid tz/],
      [facilitator, `${path}?format=html&snapshotId=nope`, 404, /snapshot not found/],
    ]
    for (const [client, url, status, message] of cases) {
      const response = await client.request('GET', url)
      expect(response.status, url).toBe(status)
      expect(response.body.error, url).toMatch(message)
    }

    const html = await facilitator.request('GET', `${path}?format=html`)
    expect(html.status).toBe(200)
    expect(html.body).toContain('<button type="button" onclick="window.print()">')
    expect(html.body).toContain('@media print')
  })
})
