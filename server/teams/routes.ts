import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import type { AppEnv } from '../http/env'
import { readJson } from '../http/errors'
import { requireUser } from '../auth/middleware'
import { requireTeamRole } from './access'

const teamBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
})

/** Teams the user belongs to, and their members. */
export function teamRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/teams', async (c) => {
    const user = requireUser(c)
    const rows = await c.var.services.db
      .selectFrom('memberships')
      .innerJoin('teams', 'teams.id', 'memberships.team_id')
      .select(['teams.id', 'teams.name', 'memberships.role'])
      .where('memberships.user_id', '=', user.id)
      .orderBy('teams.name')
      .execute()
    return c.json(rows)
  })

  routes.post('/teams', async (c) => {
    const user = requireUser(c)
    const body = await readJson(c, teamBody)
    const { db, logger } = c.var.services

    const id = generateIdFromEntropySize(10)
    const now = Date.now()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values({ id, name: body.name, created_at: now }).execute()
      await trx
        .insertInto('memberships')
        .values({ team_id: id, user_id: user.id, role: 'facilitator', joined_at: now })
        .execute()
    })

    logger.info({ teamId: id, userId: user.id }, 'team created')
    return c.json({ id }, 201)
  })

  routes.get('/teams/:teamId', async (c) => {
    const teamId = c.req.param('teamId')
    const { role } = await requireTeamRole(c, teamId)
    const team = await c.var.services.db
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow()
    return c.json({ ...team, role })
  })

  routes.get('/teams/:teamId/members', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId)
    const rows = await c.var.services.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'users.name', 'memberships.role'])
      .where('memberships.team_id', '=', teamId)
      .orderBy('users.name')
      .execute()
    return c.json(rows)
  })

  return routes
}
