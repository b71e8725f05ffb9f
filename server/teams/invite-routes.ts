import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { requireUser } from '../auth/middleware'
import { requireTeamRole } from './access'

const inviteBody = z.object({ role: z.enum(['facilitator', 'member', 'observer']) })
const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000

/** Invitation links that add whoever accepts them to a team with a role. */
export function inviteRoutes() {
  const routes = new Hono<AppEnv>()

  routes.post('/teams/:teamId/invites', async (c) => {
    const teamId = c.req.param('teamId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')
    const body = await readJson(c, inviteBody)

    const token = generateIdFromEntropySize(20)
    const now = Date.now()
    await c.var.services.db
      .insertInto('invites')
      .values({
        token,
        team_id: teamId,
        role: body.role,
        created_by: user.id,
        created_at: now,
        expires_at: now + inviteLifetimeMs,
        single_use: 0,
        used_at: null,
        revoked_at: null,
      })
      .execute()
    return c.json({ token, expiresAt: now + inviteLifetimeMs }, 201)
  })

  routes.get('/invites/:token', async (c) => {
    const invite = await findOpenInvite(c.var.services.db, c.req.param('token'))
    return c.json(invite)
  })

  routes.post('/invites/:token/accept', async (c) => {
    const user = requireUser(c)
    const { db, logger } = c.var.services
    const invite = await findOpenInvite(db, c.req.param('token'))

    await db
      .insertInto('memberships')
      .values({ team_id: invite.teamId, user_id: user.id, role: invite.role, joined_at: Date.now() })
      .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
      .execute()

    logger.info({ teamId: invite.teamId, userId: user.id, role: invite.role }, 'invite accepted')
    return c.json({ teamId: invite.teamId, role: invite.role })
  })

  return routes
}

async function findOpenInvite(db: AppEnv['Variables']['services']['db'], token: string) {
  const row = await db
    .selectFrom('invites')
    .innerJoin('teams', 'teams.id', 'invites.team_id')
    .select([
      'invites.team_id',
      'invites.role',
      'invites.expires_at',
      'invites.used_at',
      'invites.revoked_at',
      'invites.single_use',
      'teams.name',
    ])
    .where('invites.token', '=', token)
    .executeTakeFirst()

  if (!row) fail(404, 'invitation not found; ask for a new link')
  if (row.revoked_at !== null) fail(410, 'this invitation was revoked; ask for a new link')
  if (row.expires_at <= Date.now()) fail(410, 'this invitation has expired; ask for a new link')
  if (row.single_use && row.used_at !== null) {
    fail(410, 'this invitation was already used; ask for a new link')
  }
  return { teamId: row.team_id, teamName: row.name, role: row.role, expiresAt: row.expires_at }
}
