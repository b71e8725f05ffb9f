import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import { protocolTemplates } from '../../shared/protocols'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { teamTemplateRoutes } from '../protocols/routes'
import { resolveProtocol } from '../protocols/store'
import { requireMeetingRole, requireTeamRole } from '../teams/access'
import { timerRoutes } from '../timer/routes'

const meetingBody = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  protocolId: z.string().min(1, 'must name a protocol'),
})

/** Protocol templates and the meetings run from them. */
export function meetingRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/protocols', (c) => c.json(protocolTemplates))

  routes.get('/teams/:teamId/meetings', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    const rows = await c.var.services.db
      .selectFrom('meetings')
      .select(['id', 'title', 'protocol_id as protocolId', 'state', 'created_at as createdAt'])
      .where('team_id', '=', teamId)
      .orderBy('created_at', 'desc')
      .execute()
    return c.json(rows)
  })

  routes.post('/teams/:teamId/meetings', async (c) => {
    const teamId = c.req.param('teamId')
    const { user } = await requireTeamRole(c, teamId, 'member')
    const body = await readJson(c, meetingBody)

    // A built-in template or one of the team's own; its phases are copied into the meeting so
    // later edits to the template leave this meeting as it was.
    const protocol = await resolveProtocol(c.var.services.db, teamId, body.protocolId)
    if (!protocol) {
      fail(
        400,
        `unknown protocol "${body.protocolId}"; GET /api/teams/${teamId}/protocols lists them`,
      )
    }

    const id = generateIdFromEntropySize(10)
    await c.var.services.db
      .insertInto('meetings')
      .values({
        id,
        team_id: teamId,
        title: body.title,
        protocol_id: protocol.id,
        phases_json: JSON.stringify(protocol.phases),
        state: 'live',
        created_by: user.id,
        created_at: Date.now(),
      })
      .execute()

    c.var.services.logger.info({ meetingId: id, teamId, userId: user.id }, 'meeting created')
    return c.json({ id }, 201)
  })

  routes.get('/meetings/:meetingId', async (c) => {
    const { meeting, role } = await requireMeetingRole(c, c.req.param('meetingId'))
    return c.json({
      id: meeting.id,
      title: meeting.title,
      teamId: meeting.teamId,
      protocolId: meeting.protocolId,
      phases: meeting.phases,
      state: meeting.state,
      createdAt: meeting.createdAt,
      role,
    })
  })

  routes.route('/', timerRoutes())
  routes.route('/', teamTemplateRoutes())

  return routes
}
