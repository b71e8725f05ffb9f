import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readCards, type Card } from '../shared/cards'
import { postCard, setupCardMeeting } from './support/cards'
import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('card posting', () => {
  it('reaches every client at once with kind, author, phase and time', async () => {
    const { ana, ben, meetingId } = await setupCardMeeting(server.url)
    const watcher = connectProvider(server.url, meetingId, ben.cookie)
    await watcher.synced

    const before = Date.now()
    const { card, editToken } = await postCard(
      ana,
      meetingId,
      'The hook used student names',
      'warm',
    )
    expect(editToken).toBeUndefined()
    expect(card.kind).toBe('warm')
    expect(card.authorId).toBe(ana.user!.id)
    expect(card.authorName).toBe('Ana Member')
    expect(card.phaseId).toBe('discuss')
    expect(card.createdAt).toBeGreaterThanOrEqual(before)

    await waitFor(() => readCards(watcher.doc).length === 1)
    expect(readCards(watcher.doc)[0]).toEqual(card)
    watcher.destroy()
  })

  it('rejects bad input with a clear error', async () => {
    const { ana, meetingId } = await setupCardMeeting(server.url)
    const path = `/api/meetings/${meetingId}/cards`
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /not valid JSON/],
      [{ kind: 'warm', text: '   ', phaseId: 'discuss' }, /invalid text/],
      [{ kind: 'praise', text: 'x', phaseId: 'discuss' }, /invalid kind/],
      [{ kind: 'warm', text: 'x', phaseId: 'nowhere' }, /not a phase of this meeting/],
      [{ kind: 'glow', text: 'x', phaseId: 'discuss' }, /invites warm/],
      [{ kind: 'warm', text: 'x'.repeat(2001), phaseId: 'discuss' }, /at most 2000/],
    ]
    for (const [body, message] of cases) {
      const response = await ana.request('POST', path, body)
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400)
      expect(response.body.error).toMatch(message)
    }

    const unknown = await ana.request('POST', '/api/meetings/no-such-meeting/cards', {
      kind: 'warm',
      text: 'x',
      phaseId: 'discuss',
    })
    expect(unknown.status).toBe(404)

    const signedOut = await new ApiClient(server.url).request('POST', path, {
      kind: 'warm',
      text: 'x',
      phaseId: 'discuss',
    })
    expect(signedOut.status).toBe(401)
    await expectNoCards(ana.cookie, meetingId)
  })

  it('rejects changes once the meeting has ended', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(ana, meetingId, 'Before the end')
    const ended = await server.services.db
      .updateTable('meetings')
      .set({ state: 'ended' })
      .where('id', '=', meetingId)
      .execute()
    expect(ended).toHaveLength(1)

    const post = await ana.request('POST', `/api/meetings/${meetingId}/cards`, {
      kind: 'warm',
      text: 'After the end',
      phaseId: 'discuss',
    })
    expect(post.status).toBe(409)
    const vote = await facilitator.request(
      'PUT',
      `/api/meetings/${meetingId}/cards/${card.id}/vote`,
    )
    expect(vote.status).toBe(409)
  })
})

describe('card editing', () => {
  it('lets authors change their own cards only', async () => {
    const { ana, ben, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(ana, meetingId, 'First draft')
    const path = `/api/meetings/${meetingId}/cards/${card.id}`

    const edited = await ana.request('PATCH', path, { text: 'Second draft', kind: 'cool' })
    expect(edited.status).toBe(200)
    expect(edited.body.card.text).toBe('Second draft')
    expect(edited.body.card.kind).toBe('cool')
    expect(edited.body.card.editedAt).toBeGreaterThan(0)

    const notInvited = await ana.request('PATCH', path, { kind: 'glow' })
    expect(notInvited.status).toBe(400)

    const byOther = await ben.request('PATCH', path, { text: 'Hijacked' })
    expect(byOther.status).toBe(403)
    const deleteByOther = await ben.request('DELETE', path)
    expect(deleteByOther.status).toBe(403)
    const hideByAuthor = await ana.request('PATCH', path, { hidden: true })
    expect(hideByAuthor.status).toBe(403)
    const empty = await ana.request('PATCH', path, {})
    expect(empty.status).toBe(400)

    const deleted = await ana.request('DELETE', path)
    expect(deleted.status).toBe(200)
    const again = await ana.request('DELETE', path)
    expect(again.status).toBe(404)
    await expectNoCards(ana.cookie, meetingId)
  })

  it('lets facilitators edit, hide, move, mark and delete any card', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(ana, meetingId, 'Needs a facilitator')
    const path = `/api/meetings/${meetingId}/cards/${card.id}`

    const moderated = await facilitator.request('PATCH', path, {
      text: 'Reworded by the facilitator',
      hidden: true,
      addressed: true,
      group: 'Pacing',
      phaseId: 'evaluate',
    })
    expect(moderated.status).toBe(200)
    const changed: Card = moderated.body.card
    expect(changed.text).toBe('Reworded by the facilitator')
    expect(changed.hidden).toBe(true)
    expect(changed.addressed).toBe(true)
    expect(changed.group).toBe('Pacing')
    expect(changed.phaseId).toBe('evaluate')
    expect(changed.authorId).toBe(ana.user!.id)

    const badPhase = await facilitator.request('PATCH', path, { phaseId: 'nowhere' })
    expect(badPhase.status).toBe(400)

    const deleted = await facilitator.request('DELETE', path)
    expect(deleted.status).toBe(200)
    await expectNoCards(ana.cookie, meetingId)
  })

  it('groups related cards under a title', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const first = (await postCard(ana, meetingId, 'Timing was tight')).card
    const second = (await postCard(ben, meetingId, 'Ran out of time', 'cool')).card
    const third = (await postCard(ben, meetingId, 'Great visuals')).card
    const path = `/api/meetings/${meetingId}/cards/group`

    const grouped = await facilitator.request('POST', path, {
      cardIds: [first.id, second.id],
      title: 'Pacing',
    })
    expect(grouped.status).toBe(200)
    expect(grouped.body.map((card: Card) => card.group)).toEqual(['Pacing', 'Pacing'])

    const unknown = await facilitator.request('POST', path, {
      cardIds: [third.id, 'missing'],
      title: 'Visuals',
    })
    expect(unknown.status).toBe(404)

    const ungrouped = await facilitator.request('POST', path, { cardIds: [second.id], title: null })
    expect(ungrouped.status).toBe(200)

    const view = connectProvider(server.url, meetingId, ana.cookie)
    await view.synced
    const groups = Object.fromEntries(readCards(view.doc).map((card) => [card.id, card.group]))
    expect(groups).toEqual({ [first.id]: 'Pacing', [second.id]: null, [third.id]: null })
    view.destroy()

    const byMember = await ana.request('POST', path, { cardIds: [first.id], title: 'Mine' })
    expect(byMember.status).toBe(403)
  })
})

describe('card votes', () => {
  it('count each person once and can be taken back', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(ana, meetingId, 'Vote for me')
    const vote = `/api/meetings/${meetingId}/cards/${card.id}/vote`

    expect((await ben.request('PUT', vote)).body.card.voteCount).toBe(1)
    expect((await ben.request('PUT', vote)).body.card.voteCount).toBe(1)
    expect((await facilitator.request('PUT', vote)).body.card.voteCount).toBe(2)
    const taken = await ben.request('DELETE', vote)
    expect(taken.body.card.voteCount).toBe(1)
    expect(taken.body.card.voterIds).toEqual([facilitator.user!.id])
    expect((await ben.request('DELETE', vote)).body.card.voteCount).toBe(1)

    const missing = await ben.request('PUT', `/api/meetings/${meetingId}/cards/nope/vote`)
    expect(missing.status).toBe(404)
  })

  it('converge when two clients post, vote and edit at once', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const a = connectProvider(server.url, meetingId, ana.cookie)
    const b = connectProvider(server.url, meetingId, ben.cookie)
    await Promise.all([a.synced, b.synced])

    const [fromAna, fromBen] = await Promise.all([
      postCard(ana, meetingId, 'Ana: clear objective'),
      postCard(ben, meetingId, 'Ben: what about early finishers?', 'cool'),
    ])
    const cardIds = [fromAna.card.id, fromBen.card.id]

    // Every person votes on every card several times over, all requests in flight together,
    // while both authors edit their own cards.
    const requests: Promise<unknown>[] = []
    for (const cardId of cardIds) {
      for (const voter of [ana, ben, facilitator]) {
        for (let i = 0; i < 3; i++) {
          requests.push(voter.request('PUT', `/api/meetings/${meetingId}/cards/${cardId}/vote`))
        }
      }
    }
    requests.push(
      ana.request('PATCH', `/api/meetings/${meetingId}/cards/${fromAna.card.id}`, {
        text: 'Ana: clear objective, edited',
      }),
      ben.request('PATCH', `/api/meetings/${meetingId}/cards/${fromBen.card.id}`, {
        text: 'Ben: early finishers, edited',
      }),
    )
    await Promise.all(requests)

    const expectedVoters = [ana.user!.id, ben.user!.id, facilitator.user!.id].sort()
    for (const client of [a, b]) {
      await waitFor(() => readCards(client.doc).every((card) => card.voteCount === 3))
      const cards = readCards(client.doc)
      expect(cards.map((card) => card.id).sort()).toEqual([...cardIds].sort())
      for (const card of cards) expect([...card.voterIds].sort()).toEqual(expectedVoters)
      expect(cards.find((card) => card.id === fromAna.card.id)!.text).toMatch(/edited$/)
      expect(cards.find((card) => card.id === fromBen.card.id)!.text).toMatch(/edited$/)
    }
    expect(readCards(a.doc)).toEqual(readCards(b.doc))

    a.destroy()
    b.destroy()
  })
})

async function expectNoCards(cookie: string, meetingId: string) {
  const view = connectProvider(server.url, meetingId, cookie)
  await view.synced
  expect(readCards(view.doc)).toEqual([])
  view.destroy()
}
