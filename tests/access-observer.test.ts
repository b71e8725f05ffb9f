import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MessageType } from '../shared/wire'
import {
  docFromMessages,
  encodeEmptySyncStep1,
  encodeUpdateMessage,
  joined,
  makeNotesUpdate,
  messageType,
  roundTrip,
} from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'
import { paragraph } from './support/notes'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

function notesOf(doc: Y.Doc): string {
  return doc.getXmlFragment('notes:review').toString()
}

/** Records what a stock provider's socket receives, so a ping round trip can be awaited. */
function recordSocket(provider: ReturnType<typeof connectProvider>) {
  const ws = provider.provider.ws as unknown as import('ws').WebSocket
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  return { ws, messages }
}

describe('observer socket', () => {
  it('receives the document and awareness live', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const observer = await new ApiClient(server.url).signup('Coach')
    await facilitator.addMember(teamId, observer, 'observer')
    const writer = connectProvider(server.url, meetingId, facilitator.cookie)
    await writer.synced
    writer.doc.getXmlFragment('notes:review').insert(0, [paragraph('before joining')])

    const raw = openRawSocket(server.url, meetingId, { cookie: observer.cookie })
    await joined(raw)
    raw.ws.send(encodeEmptySyncStep1())
    await waitFor(() => notesOf(docFromMessages(raw.messages)).includes('before joining'))

    writer.doc.getXmlFragment('notes:review').insert(0, [paragraph('while watching')])
    await waitFor(() => notesOf(docFromMessages(raw.messages)).includes('while watching'))

    writer.provider.awareness.setLocalStateField('user', { name: 'Facilitator' })
    await waitFor(() =>
      raw.messages.some((message) => messageType(message) === MessageType.Awareness),
    )

    // The observer's own presence reaches the others.
    const watching = connectProvider(server.url, meetingId, observer.cookie)
    await watching.synced
    watching.provider.awareness.setLocalStateField('user', { name: 'Coach' })
    await waitFor(() =>
      [...writer.provider.awareness.getStates().values()].some(
        (state) => (state.user as { name?: string } | undefined)?.name === 'Coach',
      ),
    )

    raw.ws.close()
    watching.destroy()
    writer.destroy()
  })
})

describe('observer updates', () => {
  it('are neither applied, relayed nor stored', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const observer = await new ApiClient(server.url).signup('Principal')
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, observer, 'observer')
    await facilitator.addMember(teamId, member, 'member')

    const writer = connectProvider(server.url, meetingId, facilitator.cookie)
    const colleague = connectProvider(server.url, meetingId, member.cookie)
    const stock = connectProvider(server.url, meetingId, observer.cookie)
    await Promise.all([writer.synced, colleague.synced, stock.synced])
    writer.doc.getXmlFragment('notes:review').insert(0, [paragraph('agreed notes')])
    await waitFor(() => notesOf(stock.doc).includes('agreed notes'))

    // A hand-crafted client forges an update and a sync step 2.
    const raw = openRawSocket(server.url, meetingId, { cookie: observer.cookie })
    await joined(raw)
    raw.ws.send(encodeUpdateMessage(makeNotesUpdate('forged update')))
    raw.ws.send(encodeSyncStep2Message(makeNotesUpdate('forged step two')))
    await roundTrip(raw.ws, raw.messages)

    // A stock provider edits its copy as if it could write.
    const stockSocket = recordSocket(stock)
    stock.doc.getXmlFragment('notes:review').insert(0, [paragraph('typed by observer')])
    stock.doc.getArray('cards').push(['observer card'])
    await roundTrip(stockSocket.ws, stockSocket.messages)

    const room = server.services.rooms.get(meetingId)!
    for (const text of ['forged update', 'forged step two', 'typed by observer']) {
      expect(notesOf(room.doc), text).not.toContain(text)
    }
    expect(room.doc.getArray('cards').length).toBe(0)

    // A later member edit is relayed; the forged ones never were.
    colleague.doc.getXmlFragment('notes:review').insert(0, [paragraph('member marker')])
    await waitFor(() => notesOf(writer.doc).includes('member marker'))
    for (const text of ['forged update', 'forged step two', 'typed by observer']) {
      expect(notesOf(writer.doc), text).not.toContain(text)
    }
    expect(writer.doc.getArray('cards').length).toBe(0)
    expect(notesOf(docFromMessages(raw.messages))).not.toContain('typed by observer')

    raw.ws.close()
    for (const client of [writer, colleague, stock]) client.destroy()
    await waitFor(() => server.services.rooms.get(meetingId) === undefined)

    // After a restart the stored document has the agreed notes and nothing forged.
    const dataDir = server.dataDir
    await server.stop()
    server = await startTestServer({ dataDir })
    const reader = connectProvider(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(notesOf(reader.doc)).toContain('agreed notes')
    expect(notesOf(reader.doc)).toContain('member marker')
    for (const text of ['forged update', 'forged step two', 'typed by observer']) {
      expect(notesOf(reader.doc), text).not.toContain(text)
    }
    expect(reader.doc.getArray('cards').length).toBe(0)
    reader.destroy()
  })
})

function encodeSyncStep2Message(update: Uint8Array): Uint8Array {
  // Sync step 2 has the same layout as an update message with subtype 1.
  const message = encodeUpdateMessage(update)
  const copy = new Uint8Array(message)
  copy[1] = 1
  return copy
}
