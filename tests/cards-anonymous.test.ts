import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cardsArray, readCards } from '../shared/cards'
import { joined } from './support/access'
import { cardActivities, postCard, readStoredDocument, setupCardMeeting } from './support/cards'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

/** Returns the document's cards as JSON, nested maps included. */
function cardValues(doc: Y.Doc): string {
  return JSON.stringify(cardsArray(doc).toJSON())
}

describe('anonymous cards', () => {
  it('leave no author identifier in the stored document', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const switched = await facilitator.request('PUT', `/api/meetings/${meetingId}/cards/settings`, {
      anonymous: true,
    })
    expect(switched.status).toBe(200)

    // Ana is connected, with her name in awareness, while she writes the card.
    const author = connectProvider(server.url, meetingId, ana.cookie)
    await author.synced
    author.provider.awareness.setLocalStateField('user', { name: 'Ana Member' })

    const secret = 'I wonder whether the rubric is too vague'
    const { card, editToken } = await postCard(ana, meetingId, secret, 'wonder')
    expect(card.anonymous).toBe(true)
    expect(card.authorId).toBeNull()
    expect(card.authorName).toBeNull()
    expect(editToken).toMatch(/^[\w-]{40,}$/)

    const edited = await ana.request(
      'PATCH',
      `/api/meetings/${meetingId}/cards/${card.id}`,
      { text: `${secret}, edited` },
      { 'x-card-edit-token': editToken! },
    )
    expect(edited.status).toBe(200)
    await waitFor(() => readCards(author.doc).some((each) => each.text.endsWith('edited')))
    const authorClientId = author.doc.clientID
    author.destroy()

    const stored = await readStoredDocument(server, meetingId)
    const cards = readCards(stored.doc)
    expect(cards).toHaveLength(1)
    expect(cards[0].text).toBe(`${secret}, edited`)

    const identifiers = [ana.user!.id, ana.user!.name, ana.user!.email]
    const values = cardValues(stored.doc)
    for (const identifier of identifiers) expect(values).not.toContain(identifier)
    expect(values).not.toContain(editToken)

    const rawBytes = Buffer.concat(stored.updates.map((update) => Buffer.from(update)))
    for (const identifier of [...identifiers, editToken!]) {
      expect(rawBytes.includes(Buffer.from(identifier)), identifier).toBe(false)
    }

    // The server wrote the card, so no item of it carries the author's Yjs client id.
    const clients = new Set<number>()
    for (const update of stored.updates) {
      for (const struct of Y.decodeUpdate(update).structs) clients.add(struct.id.client)
    }
    expect(clients.has(authorClientId)).toBe(false)
    stored.doc.destroy()
  })

  it('let only the token holder or a facilitator change them', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    await facilitator.request('PUT', `/api/meetings/${meetingId}/cards/settings`, {
      anonymous: true,
    })
    const first = await postCard(ana, meetingId, 'First anonymous card')
    const second = await postCard(ana, meetingId, 'Second anonymous card')
    const path = (cardId: string) => `/api/meetings/${meetingId}/cards/${cardId}`

    // Without the token, even the author is anyone: the server does not know who wrote it.
    expect((await ana.request('PATCH', path(first.card.id), { text: 'x' })).status).toBe(403)
    const otherToken = { 'x-card-edit-token': second.editToken! }
    expect(
      (await ana.request('PATCH', path(first.card.id), { text: 'x' }, otherToken)).status,
    ).toBe(403)
    const stolen = { 'x-card-edit-token': first.editToken! }
    expect((await ben.request('PATCH', path(first.card.id), { hidden: true }, stolen)).status).toBe(
      403,
    )

    // A client may send the token in the body instead of the header.
    const deleted = await ana.request('DELETE', path(first.card.id), { editToken: first.editToken })
    expect(deleted.status).toBe(200)
    const renamed = await ana.request('PATCH', path(second.card.id), {
      text: 'Second, edited',
      editToken: second.editToken,
    })
    expect(renamed.status).toBe(200)
    const byFacilitator = await facilitator.request('PATCH', path(second.card.id), { hidden: true })
    expect(byFacilitator.status).toBe(200)
    expect(byFacilitator.body.card.hidden).toBe(true)
  })

  it('stay named when anonymity is off again', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const settings = `/api/meetings/${meetingId}/cards/settings`
    await facilitator.request('PUT', settings, { anonymous: true })
    const hidden = await postCard(ana, meetingId, 'Written anonymously')
    expect((await facilitator.request('PUT', settings, { anonymous: false })).status).toBe(200)
    expect((await ana.request('GET', settings)).body).toEqual({ anonymous: false })

    const named = await postCard(ana, meetingId, 'Written with my name')
    expect(named.card.authorName).toBe('Ana Member')
    expect(named.editToken).toBeUndefined()

    const view = connectProvider(server.url, meetingId, facilitator.cookie)
    await view.synced
    const authors = readCards(view.doc).map((card) => card.authorId)
    expect(authors).toEqual([null, ana.user!.id])
    expect(readCards(view.doc)[0].id).toBe(hidden.card.id)
    view.destroy()
  })

  it('switch on only for facilitators and tell every socket', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const settings = `/api/meetings/${meetingId}/cards/settings`
    const raw = openRawSocket(server.url, meetingId, { cookie: ana.cookie })
    await joined(raw)
    await waitFor(() => cardActivities(raw.messages).some((each) => each.kind === 'anonymity'))
    expect(cardActivities(raw.messages)).toContainEqual({ kind: 'anonymity', anonymous: false })

    expect((await ana.request('PUT', settings, { anonymous: true })).status).toBe(403)
    expect((await facilitator.request('PUT', settings, { anonymous: 'yes' })).status).toBe(400)
    expect((await facilitator.request('PUT', settings, { anonymous: true })).status).toBe(200)
    await waitFor(() =>
      cardActivities(raw.messages).some((each) => each.kind === 'anonymity' && each.anonymous),
    )
    raw.ws.close()
  })
})
