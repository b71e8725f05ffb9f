import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { remainingFromView } from '../shared/timer'
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

const tenMinutes = 10 * 60_000

describe('timer with skewed client clocks', () => {
  it('shows the same remaining time on clocks ten minutes off', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    await facilitator.request('POST', `/api/meetings/${meetingId}/timer`, { action: 'start' })

    const skews = [tenMinutes, -tenMinutes, 0]
    const sockets = skews.map(
      (skew) => new TimerSocket(server.url, meetingId, member.cookie, () => Date.now() + skew),
    )
    for (const socket of sockets) {
      await socket.waitForState((state) => state.status === 'running', 'running timer')
      await socket.syncClock()
    }

    // The server runs in this process, so Date.now() is its clock: the truth to compare with.
    for (const [index, socket] of sockets.entries()) {
      const view = socket.latest!
      const shown = remainingFromView(view, socket.estimator.serverNow(socket.now()))
      const truth = view.endsAt! - Date.now()
      expect(Math.abs(shown - truth), `client skewed by ${skews[index]} ms`).toBeLessThan(250)
      expect(Math.abs(socket.estimator.offsetMs + skews[index])).toBeLessThan(250)
    }

    // Without the offset, the skewed clocks would be ten minutes off.
    const naive = remainingFromView(sockets[0].latest!, sockets[0].now())
    expect(Math.abs(naive - (sockets[0].latest!.endsAt! - Date.now()))).toBeGreaterThan(9 * 60_000)

    for (const socket of sockets) socket.close()
  })

  it('answers each clock ping with the echoed time and the server time', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const socket = new TimerSocket(server.url, meetingId, facilitator.cookie, () => 42)
    await socket.waitForState(() => true)
    const before = Date.now()
    await socket.syncClock(1)
    const after = Date.now()
    // The client clock is frozen at 42, so the offset is the server time minus 42.
    const serverTime = socket.estimator.offsetMs + 42
    expect(serverTime).toBeGreaterThanOrEqual(before)
    expect(serverTime).toBeLessThanOrEqual(after)
    socket.close()
  })
})
