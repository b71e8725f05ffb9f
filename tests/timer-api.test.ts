import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { TimerSocket } from './support/timer-socket'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function meetingWithTeam() {
  const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
  const member = await new ApiClient(server.url).signup('Member')
  const observer = await new ApiClient(server.url).signup('Observer')
  await facilitator.addMember(teamId, member, 'member')
  await facilitator.addMember(teamId, observer, 'observer')
  const timerPath = `/api/meetings/${meetingId}/timer`
  return { facilitator, member, observer, teamId, meetingId, timerPath }
}

describe('timer API', () => {
  it('answers an idle timer at the first phase', async () => {
    const { observer, timerPath } = await meetingWithTeam()
    const response = await observer.request('GET', timerPath)
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      phaseIndex: 0,
      status: 'idle',
      remainingMs: 5 * 60_000,
      phaseCount: 5,
      endsAt: null,
    })
    expect(typeof response.body.serverNow).toBe('number')
  })

  it('runs start, pause, resume, next, goto, extend, previous, reset', async () => {
    const { facilitator, timerPath } = await meetingWithTeam()
    const post = (body: object) => facilitator.request('POST', timerPath, body)

    const started = await post({ action: 'start' })
    expect(started.status).toBe(200)
    expect(started.body.status).toBe('running')
    expect(started.body.endsAt - started.body.serverNow).toBe(started.body.remainingMs)

    const paused = await post({ action: 'pause' })
    expect(paused.body.status).toBe('paused')
    const later = await facilitator.request('GET', timerPath)
    expect(later.body.remainingMs).toBe(paused.body.remainingMs)

    expect((await post({ action: 'resume' })).body.status).toBe('running')

    const next = await post({ action: 'next' })
    expect(next.body.phaseIndex).toBe(1)
    expect(next.body.remainingMs).toBe(15 * 60_000)

    const jumped = await post({ action: 'goto', phaseIndex: 4 })
    expect(jumped.body.phaseIndex).toBe(4)

    const extended = await post({ action: 'extend', seconds: 90 })
    expect(extended.body.endsAt).toBe(jumped.body.endsAt + 90_000)
    const shortened = await post({ action: 'extend', seconds: -30 })
    expect(shortened.body.endsAt).toBe(extended.body.endsAt - 30_000)

    expect((await post({ action: 'previous' })).body.phaseIndex).toBe(3)

    const reset = await post({ action: 'reset' })
    expect(reset.body).toMatchObject({ phaseIndex: 0, status: 'idle', remainingMs: 5 * 60_000 })
  })

  it('rejects members and observers with 403 and changes nothing', async () => {
    const { member, observer, facilitator, timerPath } = await meetingWithTeam()
    for (const client of [member, observer]) {
      for (const body of [{ action: 'start' }, { action: 'goto', phaseIndex: 2 }]) {
        const response = await client.request('POST', timerPath, body)
        expect(response.status).toBe(403)
        expect(response.body.error).toMatch(/facilitator/)
      }
    }
    const state = await facilitator.request('GET', timerPath)
    expect(state.body).toMatchObject({ status: 'idle', phaseIndex: 0, revision: 0 })
  })

  it('rejects outsiders and unknown meetings with 404', async () => {
    const { timerPath } = await meetingWithTeam()
    const outsider = await new ApiClient(server.url).signup('Outsider')
    expect((await outsider.request('GET', timerPath)).status).toBe(404)
    expect((await outsider.request('POST', timerPath, { action: 'start' })).status).toBe(404)
    const stranger = await outsider.request('GET', '/api/meetings/no-such-meeting/timer')
    expect(stranger.status).toBe(404)
    const anonymous = await new ApiClient(server.url).request('GET', timerPath)
    expect(anonymous.status).toBe(401)
  })

  it('rejects bad actions and arguments with 400 and a message', async () => {
    const { facilitator, timerPath } = await meetingWithTeam()
    const cases: [unknown, RegExp][] = [
      ['not json', /not valid JSON/],
      [{}, /action/],
      [{ action: 'explode' }, /action: must be one of start, pause/],
      [{ action: 'goto' }, /missing phaseIndex/],
      [{ action: 'goto', phaseIndex: 9 }, /phaseIndex must be an integer from 0 to 4/],
      [{ action: 'goto', phaseIndex: 'two' }, /invalid phaseIndex/],
      [{ action: 'extend' }, /missing seconds/],
      [{ action: 'extend', seconds: 0 }, /invalid seconds: must not be zero/],
      [{ action: 'extend', seconds: 2.5 }, /invalid seconds/],
      [{ action: 'extend', seconds: 1e9 }, /invalid seconds: must be at most/],
      [{ action: 'pause' }, /cannot pause: the timer is idle/],
      [{ action: 'resume' }, /cannot resume/],
      [{ action: 'previous' }, /first phase/],
    ]
    for (const [body, message] of cases) {
      const response = await facilitator.request('POST', timerPath, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.error, JSON.stringify(body)).toMatch(message)
    }
    const state = await facilitator.request('GET', timerPath)
    expect(state.body.revision).toBe(0)
  })

  it('broadcasts every change to each open socket and sends it on connect', async () => {
    const { facilitator, member, observer, meetingId, timerPath } = await meetingWithTeam()
    const sockets = [facilitator, member, observer].map(
      (client) => new TimerSocket(server.url, meetingId, client.cookie),
    )
    for (const socket of sockets) {
      const first = await socket.waitForState(() => true, 'timer on connect')
      expect(first).toMatchObject({ status: 'idle', phaseIndex: 0 })
    }

    await facilitator.request('POST', timerPath, { action: 'start' })
    const moved = await facilitator.request('POST', timerPath, { action: 'next' })
    for (const socket of sockets) {
      const state = await socket.waitForState((s) => s.revision === moved.body.revision)
      expect(state.phaseIndex).toBe(1)
      expect(state.status).toBe('running')
      expect(state.endsAt).toBe(moved.body.endsAt)
    }

    const late = new TimerSocket(server.url, meetingId, member.cookie)
    const joined = await late.waitForState(() => true, 'timer for a late joiner')
    expect(joined.phaseIndex).toBe(1)
    expect(joined.endsAt).toBe(moved.body.endsAt)

    for (const socket of [...sockets, late]) socket.close()
  })

  it('emits phase-changed when the phase moves', async () => {
    const { facilitator, meetingId, timerPath } = await meetingWithTeam()
    type PhaseChange = { meetingId: string; fromIndex: number; toIndex: number; userId: string }
    const seen: PhaseChange[] = []
    const listener = (event: PhaseChange) => {
      if (event.meetingId === meetingId) seen.push(event)
    }
    server.services.events.on('phase-changed', listener)

    await facilitator.request('POST', timerPath, { action: 'start' })
    await facilitator.request('POST', timerPath, { action: 'next' })
    await facilitator.request('POST', timerPath, { action: 'extend', seconds: 60 })
    await facilitator.request('POST', timerPath, { action: 'goto', phaseIndex: 3 })
    server.services.events.off('phase-changed', listener)

    expect(seen).toEqual([
      { meetingId, fromIndex: 0, toIndex: 1, userId: facilitator.user!.id },
      { meetingId, fromIndex: 1, toIndex: 3, userId: facilitator.user!.id },
    ])
  })

  it('end ends the meeting and freezes the timer', async () => {
    const { facilitator, meetingId, timerPath } = await meetingWithTeam()
    await facilitator.request('POST', timerPath, { action: 'start' })
    const ended = await facilitator.request('POST', timerPath, { action: 'end' })
    expect(ended.status).toBe(200)
    expect(ended.body.status).toBe('ended')
    expect(typeof ended.body.endedAt).toBe('number')

    const meeting = await facilitator.request('GET', `/api/meetings/${meetingId}`)
    expect(meeting.body.state).toBe('ended')

    const after = await facilitator.request('POST', timerPath, { action: 'resume' })
    expect(after.status).toBe(409)
    expect(after.body.error).toMatch(/ended/)
  })

  it('starting a scheduled meeting makes it live', async () => {
    const { facilitator, meetingId, timerPath } = await meetingWithTeam()
    await server.services.db
      .updateTable('meetings')
      .set({ state: 'scheduled' })
      .where('id', '=', meetingId)
      .execute()

    await facilitator.request('POST', timerPath, { action: 'start' })
    const meeting = await facilitator.request('GET', `/api/meetings/${meetingId}`)
    expect(meeting.body.state).toBe('live')
  })

  it('keeps a burst of concurrent actions consistent', async () => {
    const { facilitator, timerPath } = await meetingWithTeam()
    await facilitator.request('POST', timerPath, { action: 'start' })
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => facilitator.request('POST', timerPath, { action: 'next' })),
    )
    // Five phases: four moves succeed, the rest find the last phase.
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4)
    expect(responses.filter((r) => r.status === 400)).toHaveLength(2)
    const state = await facilitator.request('GET', timerPath)
    expect(state.body.phaseIndex).toBe(4)
  })
})
