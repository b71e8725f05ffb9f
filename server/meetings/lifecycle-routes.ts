import { Hono } from 'hono'

import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { requireMeetingRole } from '../teams/access'
import { encodeTimerMessage, readTimer } from '../timer/service'
import { setMeetingState } from './lifecycle'

/**
 * Routes that reopen an ended meeting (facilitator only). Meetings end through the timer's `end`
 * action, which also stops the timer.
 */
export function lifecycleRoutes() {
  const routes = new Hono<AppEnv>()

  routes.post('/meetings/:meetingId/reopen', async (c) => {
    const meetingId = c.req.param('meetingId')
    const { user, meeting } = await requireMeetingRole(c, meetingId, 'facilitator')
    if (meeting.state !== 'ended') fail(409, 'only an ended meeting can be reopened')

    const { services } = c.var
    await setMeetingState(services, meetingId, 'live', user.id)
    // The stored timer reads as paused again once the meeting is live; clients learn it here.
    const timer = await readTimer(services, { ...meeting, state: 'live' })
    services.rooms.get(meetingId)?.broadcast(encodeTimerMessage(timer))
    return c.json({ id: meetingId, state: 'live' })
  })

  return routes
}
