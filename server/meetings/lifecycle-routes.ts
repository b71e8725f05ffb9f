import { Hono } from 'hono'

import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { requireMeetingRole } from '../teams/access'
import { setMeetingState } from './lifecycle'

/** Facilitator routes that end a meeting and reopen an ended one. */
export function lifecycleRoutes() {
  const routes = new Hono<AppEnv>()

  routes.post('/meetings/:meetingId/end', async (c) => {
    const meetingId = c.req.param('meetingId')
    const { user, meeting } = await requireMeetingRole(c, meetingId, 'facilitator')
    if (meeting.state === 'ended') fail(409, 'this meeting has already ended')

    await setMeetingState(c.var.services, meetingId, 'ended', user.id)
    return c.json({ id: meetingId, state: 'ended' })
  })

  routes.post('/meetings/:meetingId/reopen', async (c) => {
    const meetingId = c.req.param('meetingId')
    const { user, meeting } = await requireMeetingRole(c, meetingId, 'facilitator')
    if (meeting.state !== 'ended') fail(409, 'only an ended meeting can be reopened')

    await setMeetingState(c.var.services, meetingId, 'live', user.id)
    return c.json({ id: meetingId, state: 'live' })
  })

  return routes
}
