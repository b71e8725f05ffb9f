import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cardsArray, readCards } from '../shared/cards'
import { encodeEmptySyncStep1, encodeUpdateMessage, joined, roundTrip } from './support/access'
import { postCard, readStoredDocument, setupCardMeeting } from './support/cards'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor, type TestProvider } from './support/yjs-client'
import { paragraph } from './support/notes'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

function notesText(doc: Y.Doc, phaseId = 'discuss'): string {
  return doc.getXmlFragment(`notes:${phaseId}`).toString()
}

/** Types a marker into the notes from an honest client and waits until `witness` has it. */
async function relayMarker(honest: TestProvider, witness: TestProvider, marker: string) {
  honest.doc.getXmlFragment('notes:discuss').insert(0, [paragraph(marker)])
  await waitFor(() => notesText(witness.doc).includes(marker), 5000, `marker ${marker}`)
}

describe('card forgery through a stock provider', () => {
  it('is neither applied, relayed nor stored', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(facilitator, meetingId, 'Clear success criteria')

    const forger = connectProvider(server.url, meetingId, ana.cookie)
    const honest = connectProvider(server.url, meetingId, ben.cookie)
    const witness = connectProvider(server.url, meetingId, facilitator.cookie)
    await Promise.all([forger.synced, honest.synced, witness.synced])
    await waitFor(() => readCards(forger.doc).length === 1, 5000, 'card synced to the forger')

    // A forged card, a forged vote and a forged delete, each as its own update.
    const forgedCard = new Y.Map<unknown>()
    forgedCard.set('id', 'forged')
    forgedCard.set('kind', 'warm')
    forgedCard.set('text', 'written by a hand-crafted client')
    forgedCard.set('authorId', ben.user!.id)
    cardsArray(forger.doc).push([forgedCard])
    const votes = cardsArray(forger.doc).get(0).get('votes') as Y.Map<number>
    votes.set(ana.user!.id, 1)
    votes.set('someone-else', 2)
    cardsArray(forger.doc).delete(0, 1)

    await relayMarker(honest, witness, 'after the forgery')
    expect(notesText(forger.doc)).toContain('after the forgery')

    const seen = readCards(witness.doc)
    expect(seen).toHaveLength(1)
    expect(seen[0].id).toBe(card.id)
    expect(seen[0].voteCount).toBe(0)

    forger.destroy()
    honest.destroy()
    witness.destroy()

    const stored = await readStoredDocument(server, meetingId)
    const storedCards = readCards(stored.doc)
    expect(storedCards.map((each) => each.id)).toEqual([card.id])
    expect(storedCards[0].voteCount).toBe(0)
    expect(notesText(stored.doc)).toContain('after the forgery')
    stored.doc.destroy()
  })

  it('keeps notes editing working for members', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    await postCard(facilitator, meetingId, 'A card already there')
    const a = connectProvider(server.url, meetingId, ana.cookie)
    const b = connectProvider(server.url, meetingId, facilitator.cookie)
    await Promise.all([a.synced, b.synced])

    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('We noticed the exit ticket')])
    a.doc.getXmlFragment('notes:review').insert(0, [paragraph])
    await waitFor(() => b.doc.getXmlFragment('notes:review').toString().includes('exit ticket'))

    const text = (b.doc.getXmlFragment('notes:review').get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(text.length, ' was too long', { bold: true })
    text.delete(0, 3)
    await waitFor(() => a.doc.getXmlFragment('notes:review').toString().includes('too long'))
    expect(a.doc.getXmlFragment('notes:review').toString()).not.toContain('We noticed')

    a.destroy()
    b.destroy()
    await waitFor(() => server.services.rooms.size === 0)
  })

  it('keeps a reconnecting client after cards were deleted', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(facilitator, meetingId, 'To be deleted')
    const client = connectProvider(server.url, meetingId, ana.cookie)
    await client.synced
    await waitFor(() => readCards(client.doc).length === 1)

    const deleted = await facilitator.request(
      'DELETE',
      `/api/meetings/${meetingId}/cards/${card.id}`,
    )
    expect(deleted.status).toBe(200)
    await waitFor(() => readCards(client.doc).length === 0)

    // The reconnect resends the client's whole delete set, including the card's deletion.
    client.provider.disconnect()
    client.doc.getXmlFragment('notes:recap').insert(0, [paragraph('typed while offline')])
    client.provider.connect()
    const witness = connectProvider(server.url, meetingId, facilitator.cookie)
    await waitFor(() => notesText(witness.doc, 'recap').includes('typed while offline'))

    client.destroy()
    witness.destroy()
    await waitFor(() => server.services.rooms.size === 0)
  })
})

describe('observer forgery', () => {
  it('is neither applied nor stored over a raw socket', async () => {
    const { facilitator, observer, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(facilitator, meetingId, 'Strong hook')

    const raw = openRawSocket(server.url, meetingId, { cookie: observer.cookie })
    await joined(raw)
    raw.ws.send(encodeEmptySyncStep1())
    await roundTrip(raw.ws, raw.messages)

    // The observer builds on the real document, so its updates refer to items the server has.
    const shadow = new Y.Doc()
    const stored = await server.services.documents.load(meetingId)
    for (const update of stored.updates) Y.applyUpdate(shadow, update)
    const updates: Uint8Array[] = []
    shadow.on('update', (update: Uint8Array) => updates.push(update))
    const votes = cardsArray(shadow).get(0).get('votes') as Y.Map<number>
    votes.set(observer.user!.id, 1)
    const forged = new Y.Map<unknown>()
    forged.set('id', 'observer-card')
    cardsArray(shadow).push([forged])
    for (const update of updates) raw.ws.send(encodeUpdateMessage(update))
    await roundTrip(raw.ws, raw.messages)

    const cards = await facilitatorView(facilitator.cookie, meetingId)
    expect(cards.map((each) => each.id)).toEqual([card.id])
    expect(cards[0].voteCount).toBe(0)

    raw.ws.close()
    shadow.destroy()
    const storedAfter = await readStoredDocument(server, meetingId)
    expect(readCards(storedAfter.doc).map((each) => each.id)).toEqual([card.id])
    expect(readCards(storedAfter.doc)[0].voteCount).toBe(0)
    storedAfter.doc.destroy()
  })

  it('gets 403 from every card route', async () => {
    const { facilitator, observer, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(facilitator, meetingId, 'Observers cannot touch this')
    const base = `/api/meetings/${meetingId}/cards`

    const attempts: Array<[string, string, unknown?]> = [
      ['POST', base, { kind: 'warm', text: 'observer card', phaseId: 'discuss' }],
      ['PATCH', `${base}/${card.id}`, { text: 'changed' }],
      ['DELETE', `${base}/${card.id}`],
      ['PUT', `${base}/${card.id}/vote`],
      ['DELETE', `${base}/${card.id}/vote`],
      ['POST', `${base}/group`, { cardIds: [card.id], title: 'Mine' }],
      ['PUT', `${base}/settings`, { anonymous: true }],
      ['POST', `${base}/${card.id}/promote`, { ownerId: observer.user!.id, dueDate: '2026-05-01' }],
    ]
    for (const [method, path, body] of attempts) {
      const response = await observer.request(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(403)
      expect(response.body.error, `${method} ${path}`).toMatch(/observer|facilitator/)
    }

    const cards = await facilitatorView(facilitator.cookie, meetingId)
    expect(cards).toHaveLength(1)
    expect(cards[0].text).toBe('Observers cannot touch this')
    expect(cards[0].voteCount).toBe(0)
    await waitFor(() => server.services.rooms.size === 0)
  })
})

/** Reads the cards as a fresh facilitator client receives them. */
async function facilitatorView(cookie: string, meetingId: string) {
  const view = connectProvider(server.url, meetingId, cookie)
  await view.synced
  const cards = readCards(view.doc)
  view.destroy()
  return cards
}
