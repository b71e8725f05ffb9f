import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readCards, type NextStep } from '../shared/cards'
import { joined } from './support/access'
import { cardActivities, postCard, setupCardMeeting } from './support/cards'
import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function createStep(
  api: ApiClient,
  meetingId: string,
  body: { text: string; ownerId: string; dueDate: string },
): Promise<NextStep> {
  const response = await api.request('POST', `/api/meetings/${meetingId}/next-steps`, body)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

async function listSteps(api: ApiClient, meetingId: string): Promise<NextStep[]> {
  const response = await api.request('GET', `/api/meetings/${meetingId}/next-steps`)
  expect(response.status).toBe(200)
  return response.body
}

describe('next steps', () => {
  it('are created with an owner from the team and a real date', async () => {
    const { facilitator, ana, meetingId } = await setupCardMeeting(server.url)
    const step = await createStep(ana, meetingId, {
      text: 'Revise the exit ticket',
      ownerId: ana.user!.id,
      dueDate: '2026-05-29',
    })
    expect(step.ownerName).toBe('Ana Member')
    expect(step.done).toBe(false)
    expect(step.carried).toBe(false)
    expect(step.cardId).toBeNull()
    expect(step.meetingTitle).toBe('Week 2 lesson tuning')

    const outsider = await new ApiClient(server.url).signup('Outsider')
    const path = `/api/meetings/${meetingId}/next-steps`
    const cases: Array<[unknown, RegExp]> = [
      [{ text: 'x', ownerId: outsider.user!.id, dueDate: '2026-05-29' }, /not a member/],
      [{ text: 'x', ownerId: ana.user!.id, dueDate: '2026-02-30' }, /real calendar date/],
      [{ text: 'x', ownerId: ana.user!.id, dueDate: '29/05/2026' }, /real calendar date/],
      [{ text: ' ', ownerId: ana.user!.id, dueDate: '2026-05-29' }, /invalid text/],
      [{ text: 'x', dueDate: '2026-05-29' }, /invalid ownerId/],
      ['{', /not valid JSON/],
    ]
    for (const [body, message] of cases) {
      const response = await facilitator.request('POST', path, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.error).toMatch(message)
    }
    expect(await listSteps(facilitator, meetingId)).toHaveLength(1)
  })

  it('are read-only for observers', async () => {
    const { facilitator, observer, meetingId } = await setupCardMeeting(server.url)
    const step = await createStep(facilitator, meetingId, {
      text: 'Share the rubric',
      ownerId: observer.user!.id,
      dueDate: '2026-06-01',
    })
    const path = `/api/meetings/${meetingId}/next-steps`
    expect((await observer.request('GET', path)).status).toBe(200)
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', path, { text: 'x', ownerId: observer.user!.id, dueDate: '2026-06-01' }],
      ['PATCH', `${path}/${step.id}`, { done: true }],
      ['DELETE', `${path}/${step.id}`],
    ]
    for (const [method, url, body] of attempts) {
      expect((await observer.request(method, url, body)).status, `${method} ${url}`).toBe(403)
    }
    expect((await listSteps(facilitator, meetingId))[0].done).toBe(false)
  })

  it('are promoted from a card once', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const { card } = await postCard(ana, meetingId, 'Try a think-pair-share opener')
    const path = `/api/meetings/${meetingId}/cards/${card.id}/promote`
    const watcher = connectProvider(server.url, meetingId, ben.cookie)
    await watcher.synced

    expect(
      (await ana.request('POST', path, { ownerId: ben.user!.id, dueDate: '2026-05-01' })).status,
    ).toBe(403)
    const promoted = await facilitator.request('POST', path, {
      ownerId: ben.user!.id,
      dueDate: '2026-05-01',
    })
    expect(promoted.status).toBe(201)
    const step: NextStep = promoted.body
    expect(step.text).toBe('Try a think-pair-share opener')
    expect(step.cardId).toBe(card.id)
    expect(step.ownerId).toBe(ben.user!.id)
    await waitFor(() => readCards(watcher.doc)[0]?.nextStepId === step.id, 5000, 'card linked')

    const again = await facilitator.request('POST', path, {
      ownerId: ben.user!.id,
      dueDate: '2026-05-01',
    })
    expect(again.status).toBe(409)
    const missing = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/cards/no-card/promote`,
      { ownerId: ben.user!.id, dueDate: '2026-05-01' },
    )
    expect(missing.status).toBe(404)
    expect(await listSteps(facilitator, meetingId)).toHaveLength(1)

    // Deleting the step frees the card for another promotion.
    const deleted = await facilitator.request(
      'DELETE',
      `/api/meetings/${meetingId}/next-steps/${step.id}`,
    )
    expect(deleted.status).toBe(200)
    await waitFor(() => readCards(watcher.doc)[0]?.nextStepId === null, 5000, 'card unlinked')
    expect(await listSteps(facilitator, meetingId)).toHaveLength(0)
    watcher.destroy()
  })

  it('carry forward to the next meeting and are ticked off there', async () => {
    const { facilitator, ana, teamId, meetingId: first } = await setupCardMeeting(server.url)
    const open = await createStep(facilitator, first, {
      text: 'Bring student work samples',
      ownerId: ana.user!.id,
      dueDate: '2026-03-02',
    })
    const closed = await createStep(facilitator, first, {
      text: 'Book the library',
      ownerId: facilitator.user!.id,
      dueDate: '2026-03-09',
    })
    const closedPatch = await ana.request(
      'PATCH',
      `/api/meetings/${first}/next-steps/${closed.id}`,
      {
        done: true,
      },
    )
    expect(closedPatch.status).toBe(200)

    const second = await facilitator.createMeeting(teamId, 'Week 4 student work')
    const shown = await listSteps(ana, second)
    expect(shown.map((step) => step.id)).toEqual([open.id])
    expect(shown[0].carried).toBe(true)
    expect(shown[0].meetingId).toBe(first)

    // The first meeting's room hears about the change made in the second.
    const listener = openRawSocket(server.url, first, { cookie: facilitator.cookie })
    await joined(listener)
    const ticked = await ana.request('PATCH', `/api/meetings/${second}/next-steps/${open.id}`, {
      done: true,
    })
    expect(ticked.status).toBe(200)
    expect(ticked.body.done).toBe(true)
    await waitFor(() =>
      cardActivities(listener.messages).some((each) => each.kind === 'next-steps'),
    )
    listener.ws.close()

    // Done in the second meeting: it stays in view there, and carries no further.
    expect((await listSteps(ana, second)).map((step) => [step.id, step.done])).toEqual([
      [open.id, true],
    ])
    const third = await facilitator.createMeeting(teamId, 'Week 5 standards analysis')
    expect(await listSteps(ana, third)).toEqual([])

    const carriedDelete = await facilitator.request(
      'DELETE',
      `/api/meetings/${second}/next-steps/${open.id}`,
    )
    expect(carriedDelete.status).toBe(409)
    const notShown = await ana.request('PATCH', `/api/meetings/${third}/next-steps/${open.id}`, {
      done: false,
    })
    expect(notShown.status).toBe(404)
  })

  it('are listed for the team while open, soonest first', async () => {
    const { facilitator, ana, teamId, meetingId } = await setupCardMeeting(server.url)
    const later = await createStep(facilitator, meetingId, {
      text: 'Later step',
      ownerId: ana.user!.id,
      dueDate: '2030-01-15',
    })
    const overdue = await createStep(facilitator, meetingId, {
      text: 'Overdue step',
      ownerId: facilitator.user!.id,
      dueDate: '2020-01-15',
    })
    const done = await createStep(facilitator, meetingId, {
      text: 'Done step',
      ownerId: ana.user!.id,
      dueDate: '2025-01-15',
    })
    await facilitator.request('PATCH', `/api/meetings/${meetingId}/next-steps/${done.id}`, {
      done: true,
    })

    const open = await ana.request('GET', `/api/teams/${teamId}/next-steps`)
    expect(open.status).toBe(200)
    expect(open.body.map((step: NextStep) => step.id)).toEqual([overdue.id, later.id])
    expect(open.body[0].ownerName).toBe('Facilitator')
    expect(open.body[0].dueDate).toBe('2020-01-15')

    const all = await ana.request('GET', `/api/teams/${teamId}/next-steps?status=all`)
    expect(all.body).toHaveLength(3)
    expect((await ana.request('GET', `/api/teams/${teamId}/next-steps?status=x`)).status).toBe(400)

    const outsider = await new ApiClient(server.url).signup('Outsider')
    expect((await outsider.request('GET', `/api/teams/${teamId}/next-steps`)).status).toBe(404)
  })

  it('are edited by members and deleted by their creator', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const step = await createStep(ana, meetingId, {
      text: 'Draft a rubric',
      ownerId: ana.user!.id,
      dueDate: '2026-04-10',
    })
    const path = `/api/meetings/${meetingId}/next-steps/${step.id}`
    const edited = await ben.request('PATCH', path, {
      text: 'Draft a rubric with the team',
      ownerId: ben.user!.id,
      dueDate: '2026-04-17',
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({
      text: 'Draft a rubric with the team',
      ownerId: ben.user!.id,
      ownerName: 'Ben Member',
      dueDate: '2026-04-17',
    })
    expect((await ben.request('PATCH', path, { dueDate: '2026-04-31' })).status).toBe(400)
    expect((await ben.request('PATCH', path, {})).status).toBe(400)

    expect((await ben.request('DELETE', path)).status).toBe(403)
    expect((await ana.request('DELETE', path)).status).toBe(200)
    expect((await facilitator.request('DELETE', path)).status).toBe(404)
  })
})
