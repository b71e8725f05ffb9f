import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { setupMeeting, type ApiClient } from './support/http'
import { paragraph, paragraphTexts } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor } from './support/yjs-client'

let server: TestServer
let facilitator: ApiClient
let meetingId: string

beforeAll(async () => {
  server = await startTestServer({ compactAfterUpdates: 20 })
  ;({ facilitator, meetingId } = await setupMeeting(server.url))
})
afterAll(async () => {
  await server.stop()
})

describe('room lifecycle', () => {
  it('loads once for many clients joining together and never syncs half-loaded', async () => {
    const seed = connectProvider(server.url, meetingId, facilitator.cookie)
    await seed.synced
    const seedNotes = seed.doc.getXmlFragment('notes:seed')
    for (let i = 0; i < 30; i++) seedNotes.push([paragraph(`line ${i}`)])
    seed.destroy()
    await waitFor(() => server.services.rooms.size === 0, 5000, 'room unload')

    // Slow every load down, so all clients arrive while the first load is under way.
    const documents = server.services.documents
    const load = documents.load.bind(documents)
    let loads = 0
    documents.load = async (docName) => {
      loads += 1
      const stored = await load(docName)
      await new Promise((resolve) => setTimeout(resolve, 200))
      return stored
    }

    try {
      const clients = Array.from({ length: 8 }, () =>
        connectProvider(server.url, meetingId, facilitator.cookie),
      )
      await Promise.all(clients.map((client) => client.synced))

      expect(loads).toBe(1)
      for (const client of clients) expect(client.doc.getXmlFragment('notes:seed').length).toBe(30)
      for (const client of clients) client.destroy()
    } finally {
      documents.load = load
    }
  })

  it('unloads after the last client leaves and compacts the log', async () => {
    const client = connectProvider(server.url, meetingId, facilitator.cookie)
    await client.synced
    const notes = client.doc.getXmlFragment('notes:counter')
    for (let i = 0; i < 50; i++) notes.insert(0, [paragraph(String(i % 10))])
    await waitFor(() => server.services.rooms.get(meetingId) !== undefined)
    const expected = notes.toString()

    client.destroy()
    await waitFor(() => server.services.rooms.size === 0, 5000, 'room unload')
    expect(await server.services.documents.countUpdates(meetingId)).toBe(1)

    const stored = await server.services.documents.load(meetingId)
    const doc = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    expect(doc.getXmlFragment('notes:counter').toString()).toBe(expected)
  })

  it('loads the room again for a client arriving during an unload', async () => {
    const first = connectProvider(server.url, meetingId, facilitator.cookie)
    await first.synced
    first.doc.getXmlFragment('notes:late').insert(0, [paragraph('before unload')])
    await waitFor(() => server.services.rooms.get(meetingId) !== undefined)
    first.destroy()

    const late = connectProvider(server.url, meetingId, facilitator.cookie)
    await late.synced
    await waitFor(() => paragraphTexts(late.doc.getXmlFragment('notes:late')).length === 1)
    late.doc.getXmlFragment('notes:late').insert(0, [paragraph('after')])

    const check = connectProvider(server.url, meetingId, facilitator.cookie)
    await check.synced
    await waitFor(
      () =>
        paragraphTexts(check.doc.getXmlFragment('notes:late')).join(' ') === 'after before unload',
    )
    late.destroy()
    check.destroy()
  })
})
