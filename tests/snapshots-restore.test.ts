import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { maxLabelledSnapshots } from '../server/snapshots/routes'
import { insertSnapshot } from '../server/snapshots/store'
import { CardField } from '../shared/cards'
import { MessageType, type RoomNotice } from '../shared/wire'
import { ApiClient, setupMeeting } from './support/http'
import { paragraph, paragraphTexts, waitForRoomNotes } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor, type TestProvider } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

/** Collects the notices a stock provider receives, which it would otherwise ignore. */
function recordNotices(client: TestProvider): RoomNotice[] {
  const notices: RoomNotice[] = []
  client.provider.messageHandlers[MessageType.Notice] = (_encoder, decoder) => {
    notices.push(JSON.parse(decoding.readVarString(decoder)) as RoomNotice)
  }
  return notices
}

/** Appends a card to the live room as the server would, since clients cannot write cards. */
async function addCard(meetingId: string, teamId: string, id: string, text: string) {
  await server.services.rooms.changeRoom(meetingId, teamId, (room) => {
    room.doc.transact(() => {
      const card = new Y.Map<unknown>()
      card.set(CardField.id, id)
      card.set(CardField.kind, 'warm')
      card.set(CardField.text, text)
      card.set(CardField.phaseId, 'discuss')
      card.set(CardField.votes, new Y.Map())
      room.doc.getArray('cards').push([card])
    })
  })
}

function cardTexts(doc: Y.Doc): string[] {
  return doc
    .getArray<Y.Map<unknown>>('cards')
    .toArray()
    .map((card) => String(card.get(CardField.text)))
}

describe('snapshot restore', () => {
  it('converges two editing clients to the snapshot', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    const noticesA = recordNotices(a)
    const noticesB = recordNotices(b)
    await Promise.all([a.synced, b.synced])

    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('Focus question agreed')])
    b.doc.getXmlFragment('notes:discuss').insert(0, [paragraph('Warm: clear exit ticket')])
    await addCard(meetingId, teamId, 'card-1', 'Kept card')
    await waitFor(() => paragraphTexts(a.doc.getXmlFragment('notes:discuss')).length === 1)
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 1)
    await waitFor(() => cardTexts(a.doc).length === 1 && cardTexts(b.doc).length === 1)

    const saved = await member.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'Before feedback',
    })
    expect(saved.status).toBe(201)

    // Both keep editing after the snapshot: new paragraphs, text typed into the old ones.
    a.doc.getXmlFragment('notes:review').insert(1, [paragraph('Later idea from A')])
    const bParagraph = b.doc.getXmlFragment('notes:discuss').get(0) as Y.XmlElement
    ;(bParagraph.get(0) as Y.XmlText).insert(0, 'Edited: ')
    b.doc.getXmlFragment('notes:evaluate').insert(0, [paragraph('Evaluate notes from B')])
    await addCard(meetingId, teamId, 'card-2', 'Card after the snapshot')
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 2)
    await waitFor(() => paragraphTexts(a.doc.getXmlFragment('notes:evaluate')).length === 1)
    await waitFor(() => cardTexts(a.doc).length === 2 && cardTexts(b.doc).length === 2)

    const restored = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${saved.body.id}/restore`,
    )
    expect(restored.status).toBe(200)

    for (const client of [a, b]) {
      await waitFor(
        () => paragraphTexts(client.doc.getXmlFragment('notes:review')).length === 1,
        5000,
        'review notes restored',
      )
      expect(paragraphTexts(client.doc.getXmlFragment('notes:review'))).toEqual([
        'Focus question agreed',
      ])
      expect(paragraphTexts(client.doc.getXmlFragment('notes:discuss'))).toEqual([
        'Warm: clear exit ticket',
      ])
      expect(paragraphTexts(client.doc.getXmlFragment('notes:evaluate'))).toEqual([])
      expect(cardTexts(client.doc)).toEqual(['Kept card'])
    }
    await waitFor(() => noticesA.length > 0 && noticesB.length > 0, 5000, 'restored notices')
    expect(noticesA).toContainEqual({ kind: 'restored', snapshotId: saved.body.id })
    expect(noticesB).toContainEqual({ kind: 'restored', snapshotId: saved.body.id })
    expect(noticesA).toContainEqual({ kind: 'snapshot-saved', snapshotId: saved.body.id })
    expect(noticesB).toContainEqual({
      kind: 'snapshot-saved',
      snapshotId: restored.body.restorePointId,
    })

    // Editing goes on from the restored state, and reaches the other client.
    a.doc.getXmlFragment('notes:review').insert(1, [paragraph('After the restore')])
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 2)
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))

    a.destroy()
    b.destroy()
  })

  it('converges with edits in flight', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    await Promise.all([a.synced, b.synced])

    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('Snapshot text')])
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 1)
    const saved = await facilitator.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'Point',
    })
    a.doc.getXmlFragment('notes:review').insert(1, [paragraph('Removed by the restore')])

    // B keeps typing into its own paragraph of the same phase while the restore runs.
    b.doc.getXmlFragment('notes:review').insert(0, [paragraph('B typing:')])
    const bText = (b.doc.getXmlFragment('notes:review').get(0) as Y.XmlElement).get(0) as Y.XmlText
    let typing = true
    const typed = (async () => {
      while (typing) {
        bText.insert(bText.length, 'x')
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    const restored = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${saved.body.id}/restore`,
    )
    expect(restored.status).toBe(200)
    typing = false
    await typed

    // Once quiet, both documents and the server's are identical.
    const fragments = (doc: Y.Doc) => doc.getXmlFragment('notes:review').toJSON()
    const room = server.services.rooms.get(meetingId)!
    await waitFor(
      () => fragments(a.doc) === fragments(room.doc) && fragments(b.doc) === fragments(room.doc),
      5000,
      'convergence',
    )
    const texts = paragraphTexts(a.doc.getXmlFragment('notes:review'))
    // B's paragraph was made after the snapshot, so the restore removes it with what B typed.
    expect(texts).toEqual(['Snapshot text'])

    a.destroy()
    b.destroy()
  })

  it('lists the pre-restore state as an undoable snapshot', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    await a.synced

    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('First version')])
    await waitForRoomNotes(server, meetingId, 'review', 1)
    const first = await facilitator.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'First',
    })
    a.doc.getXmlFragment('notes:review').insert(1, [paragraph('Second version')])
    await waitForRoomNotes(server, meetingId, 'review', 2)

    const restored = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${first.body.id}/restore`,
    )
    expect(restored.status).toBe(200)

    const list = await facilitator.request('GET', `/api/meetings/${meetingId}/snapshots`)
    expect(list.status).toBe(200)
    const restorePoint = list.body.find(
      (entry: { id: string }) => entry.id === restored.body.restorePointId,
    )
    expect(restorePoint).toMatchObject({
      kind: 'restore-point',
      label: 'Before restoring "First"',
      author: 'Facilitator',
    })

    const view = await facilitator.request(
      'GET',
      `/api/meetings/${meetingId}/snapshots/${restorePoint.id}`,
    )
    expect(view.status).toBe(200)
    const review = view.body.phases.find((phase: { id: string }) => phase.id === 'review')
    expect(review.notesHtml).toBe('<p>First version</p>\n<p>Second version</p>')

    // Undoing the restore brings the second version back.
    const undo = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${restorePoint.id}/restore`,
    )
    expect(undo.status).toBe(200)
    await waitFor(() => paragraphTexts(a.doc.getXmlFragment('notes:review')).length === 2)
    expect(paragraphTexts(a.doc.getXmlFragment('notes:review'))).toEqual([
      'First version',
      'Second version',
    ])
    a.destroy()
  })

  it('restores into storage when no client is connected', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    await a.synced
    a.doc.getXmlFragment('notes:organize').insert(0, [paragraph('Norms reviewed')])
    await waitForRoomNotes(server, meetingId, 'organize', 1)
    const saved = await facilitator.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'Norms',
    })
    a.doc.getXmlFragment('notes:organize').insert(1, [paragraph('Unwanted line')])
    await waitForRoomNotes(server, meetingId, 'organize', 2)
    a.destroy()
    await waitFor(() => server.services.rooms.get(meetingId) === undefined, 5000, 'room unload')

    const restored = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${saved.body.id}/restore`,
    )
    expect(restored.status).toBe(200)
    await waitFor(() => server.services.rooms.get(meetingId) === undefined, 5000, 'room unload')

    const b = connectProvider(server.url, meetingId, facilitator.cookie)
    await b.synced
    expect(paragraphTexts(b.doc.getXmlFragment('notes:organize'))).toEqual(['Norms reviewed'])
    b.destroy()
  })

  it('serves a snapshot as a Yjs update', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    await a.synced
    a.doc.getXmlFragment('notes:recap').insert(0, [paragraph('Bring student work')])
    await waitForRoomNotes(server, meetingId, 'recap', 1)
    const saved = await facilitator.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'Recap',
    })
    a.destroy()

    const response = await fetch(
      `${server.url}/api/meetings/${meetingId}/snapshots/${saved.body.id}/state`,
      { headers: { cookie: facilitator.cookie } },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()))
    expect(paragraphTexts(doc.getXmlFragment('notes:recap'))).toEqual(['Bring student work'])
    doc.destroy()
  })

  it('rejects bad snapshot requests', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    const observer = await new ApiClient(server.url).signup('Observer')
    const outsider = await new ApiClient(server.url).signup('Outsider')
    await facilitator.addMember(teamId, member, 'member')
    await facilitator.addMember(teamId, observer, 'observer')
    const path = `/api/meetings/${meetingId}/snapshots`

    const byObserver = await observer.request('POST', path, { label: 'Mine' })
    expect(byObserver.status).toBe(403)
    const byOutsider = await outsider.request('GET', path)
    expect(byOutsider.status).toBe(404)
    const empty = await member.request('POST', path, { label: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatch(/label/)
    const malformed = await member.request('POST', path, '{"label":')
    expect(malformed.status).toBe(400)

    const saved = await member.request('POST', path, { label: 'Member snapshot' })
    expect(saved.status).toBe(201)
    const byMember = await member.request('POST', `${path}/${saved.body.id}/restore`)
    expect(byMember.status).toBe(403)
    const unknown = await facilitator.request('POST', `${path}/no-such-snapshot/restore`)
    expect(unknown.status).toBe(404)
    const unknownView = await observer.request('GET', `${path}/no-such-snapshot`)
    expect(unknownView.status).toBe(404)

    const list = await observer.request('GET', path)
    expect(list.status).toBe(200)
    expect(list.body).toHaveLength(1)
    expect(list.body[0]).toMatchObject({
      id: saved.body.id,
      label: 'Member snapshot',
      kind: 'manual',
      author: 'Member',
      phaseIndex: 0,
      phaseTitle: 'Organize',
    })
  })

  it('caps labelled snapshots per meeting', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const state = Y.encodeStateAsUpdate(new Y.Doc())
    for (let index = 0; index < maxLabelledSnapshots; index++) {
      await insertSnapshot(server.services.db, {
        meetingId,
        kind: 'manual',
        label: `Label ${index}`,
        authorId: facilitator.user!.id,
        phaseIndex: 0,
        actualMs: null,
        state,
      })
    }
    const path = `/api/meetings/${meetingId}/snapshots`
    const rejected = await facilitator.request('POST', path, { label: 'One too many' })
    expect(rejected.status).toBe(409)
    expect(rejected.body.error).toMatch(/maximum/)

    // Automatic snapshots do not count toward the cap.
    server.services.events.emit('phase-changed', {
      meetingId,
      fromIndex: 0,
      toIndex: 1,
      userId: facilitator.user!.id,
    })
    for (let attempt = 0; attempt < 250; attempt++) {
      const list = await facilitator.request('GET', path)
      if (list.body.length > maxLabelledSnapshots) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const list = await facilitator.request('GET', path)
    expect(list.body).toHaveLength(maxLabelledSnapshots + 1)
  })
})
