import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MessageType } from '../shared/wire'
import { ApiClient, setupMeeting } from './support/http'
import { paragraph, paragraphTexts } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor, type TestProvider } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function storedNotes(meetingId: string, phaseId: string): Promise<string[]> {
  const stored = await server.services.documents.load(meetingId)
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  const texts = paragraphTexts(doc.getXmlFragment(`notes:${phaseId}`))
  doc.destroy()
  return texts
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function queryAwarenessMessage(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.QueryAwareness)
  return encoding.toUint8Array(encoder)
}

/** Resolves once the server answered an awareness query sent after everything `client` sent. */
async function roundTrip(client: TestProvider): Promise<void> {
  const handlers = client.provider.messageHandlers
  const original = handlers[MessageType.Awareness]
  let answered = false
  handlers[MessageType.Awareness] = (...args) => {
    answered = true
    original(...args)
  }
  client.provider.ws!.send(queryAwarenessMessage())
  await waitFor(() => answered, 5000, 'awareness reply')
  handlers[MessageType.Awareness] = original
}

describe('ended meeting', () => {
  it('drops edits from stock and hand-crafted clients', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    await Promise.all([a.synced, b.synced])
    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('Written while live')])
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 1)

    const ended = await facilitator.request('POST', `/api/meetings/${meetingId}/timer`, {
      action: 'end',
    })
    expect(ended.status).toBe(200)
    await waitFor(() => server.services.rooms.get(meetingId)?.readOnly === true)

    // The stock provider applies its edit locally, but the server neither applies nor relays it.
    b.doc.getXmlFragment('notes:review').insert(1, [paragraph('Written after the end')])

    // A hand-crafted client sends a raw update for another phase.
    const raw = openRawSocket(server.url, meetingId, { cookie: member.cookie })
    await raw.opened
    const forged = new Y.Doc()
    forged.getXmlFragment('notes:discuss').insert(0, [paragraph('Forged after the end')])
    raw.ws.send(syncUpdateMessage(Y.encodeStateAsUpdate(forged)))
    forged.destroy()

    // The room handles each socket's messages in order, so the reply to an awareness query sent
    // after an edit proves that the edit was handled (and dropped).
    await roundTrip(b)
    const before = raw.messages.length
    raw.ws.send(queryAwarenessMessage())
    await waitFor(() => raw.messages.slice(before).some((m) => m[0] === MessageType.Awareness))

    const c = connectProvider(server.url, meetingId, facilitator.cookie)
    await c.synced
    expect(paragraphTexts(c.doc.getXmlFragment('notes:review'))).toEqual(['Written while live'])
    expect(paragraphTexts(c.doc.getXmlFragment('notes:discuss'))).toEqual([])
    expect(paragraphTexts(a.doc.getXmlFragment('notes:review'))).toEqual(['Written while live'])

    const room = server.services.rooms.get(meetingId)!
    expect(paragraphTexts(room.doc.getXmlFragment('notes:review'))).toEqual(['Written while live'])
    expect(paragraphTexts(room.doc.getXmlFragment('notes:discuss'))).toEqual([])
    await room.whenStored()
    expect(await storedNotes(meetingId, 'review')).toEqual(['Written while live'])
    expect(await storedNotes(meetingId, 'discuss')).toEqual([])

    raw.ws.close()
    a.destroy()
    b.destroy()
    c.destroy()
  })

  it('rejects snapshots and restores until reopened', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    const path = `/api/meetings/${meetingId}/snapshots`
    const saved = await member.request('POST', path, { label: 'Live' })
    expect(saved.status).toBe(201)

    const notEnded = await facilitator.request('POST', `/api/meetings/${meetingId}/reopen`)
    expect(notEnded.status).toBe(409)

    await facilitator.request('POST', `/api/meetings/${meetingId}/timer`, { action: 'end' })
    const meeting = await member.request('GET', `/api/meetings/${meetingId}`)
    expect(meeting.body.state).toBe('ended')

    const snapshot = await member.request('POST', path, { label: 'After the end' })
    expect(snapshot.status).toBe(409)
    expect(snapshot.body.error).toMatch(/ended/)
    const restore = await facilitator.request('POST', `${path}/${saved.body.id}/restore`)
    expect(restore.status).toBe(409)

    // Reading stays open: the history, a snapshot and the record.
    const list = await member.request('GET', path)
    expect(list.status).toBe(200)
    const record = await member.request('GET', `/api/meetings/${meetingId}/export?format=md`)
    expect(record.status).toBe(200)

    const byMember = await member.request('POST', `/api/meetings/${meetingId}/reopen`)
    expect(byMember.status).toBe(403)
    const reopened = await facilitator.request('POST', `/api/meetings/${meetingId}/reopen`)
    expect(reopened.status).toBe(200)
    expect(reopened.body).toEqual({ id: meetingId, state: 'live' })

    const again = await member.request('POST', path, { label: 'After reopening' })
    expect(again.status).toBe(201)
  })

  it('accepts edits again once reopened', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    await a.synced
    await facilitator.request('POST', `/api/meetings/${meetingId}/timer`, { action: 'end' })
    await waitFor(() => server.services.rooms.get(meetingId)?.readOnly === true)

    await facilitator.request('POST', `/api/meetings/${meetingId}/reopen`)
    expect(server.services.rooms.get(meetingId)?.readOnly).toBe(false)
    a.doc.getXmlFragment('notes:recap').insert(0, [paragraph('Added after reopening')])
    await waitFor(
      () =>
        paragraphTexts(server.services.rooms.get(meetingId)!.doc.getXmlFragment('notes:recap'))
          .length === 1,
    )
    a.destroy()
  })
})
