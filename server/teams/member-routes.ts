import { Hono } from 'hono'
import { z } from 'zod'

import type { MemberRole } from '../../shared/wire'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import type { Db } from '../storage/database'
import type { Dialect } from '../storage/migrations'
import { findRole, requireTeamRole } from './access'

const roleBody = z.object({ role: z.enum(['facilitator', 'member', 'observer']) })

const lastFacilitatorMessage =
  'a team must keep at least one facilitator; make another member a facilitator first'

/**
 * Changing roles and removing members. Each change reaches the member's open sockets at once:
 * a new role applies to their next message, and removal closes their sockets with 4403.
 */
export function memberRoutes() {
  const routes = new Hono<AppEnv>()

  routes.patch('/teams/:teamId/members/:userId', async (c) => {
    const teamId = c.req.param('teamId')
    const userId = c.req.param('userId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')
    const body = await readJson(c, roleBody)
    const { db, dialect, rooms, logger } = c.var.services

    const previous = await db.transaction().execute(async (trx) => {
      await requireFacilitatorStill(trx, teamId, user.id)
      const current = await findRole(trx, teamId, userId)
      if (!current) fail(404, 'member not found in this team')
      if (current === 'facilitator' && body.role !== 'facilitator') {
        await requireAnotherFacilitator(trx, dialect, teamId, userId)
      }

      await trx
        .updateTable('memberships')
        .set({ role: body.role })
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .execute()
      return current
    })

    rooms.updateMember(teamId, userId, body.role)
    logger.info(
      { teamId, userId, by: user.id, from: previous, to: body.role },
      'member role changed',
    )
    return c.json({ userId, role: body.role })
  })

  routes.delete('/teams/:teamId/members/:userId', async (c) => {
    const teamId = c.req.param('teamId')
    const userId = c.req.param('userId')
    const { db, dialect, rooms, logger } = c.var.services

    // Anyone may leave; removing someone else takes a facilitator.
    const { user } = await requireTeamRole(c, teamId, 'observer')
    const leaving = userId === user.id
    if (!leaving) await requireTeamRole(c, teamId, 'facilitator')

    await db.transaction().execute(async (trx) => {
      if (!leaving) await requireFacilitatorStill(trx, teamId, user.id)
      const current = await findRole(trx, teamId, userId)
      if (!current) fail(404, 'member not found in this team')
      if (current === 'facilitator') {
        await requireAnotherFacilitator(trx, dialect, teamId, userId, leaving)
      }

      await trx
        .deleteFrom('memberships')
        .where('team_id', '=', teamId)
        .where('user_id', '=', userId)
        .execute()
    })

    rooms.updateMember(teamId, userId, null)
    logger.info({ teamId, userId, by: user.id }, leaving ? 'member left team' : 'member removed')
    return c.json({ ok: true })
  })

  return routes
}

/**
 * Checks the caller's role again inside the transaction, so a facilitator demoted by a
 * concurrent request cannot still change others.
 */
async function requireFacilitatorStill(trx: Db, teamId: string, userId: string): Promise<void> {
  if ((await findRole(trx, teamId, userId)) !== 'facilitator') {
    fail(403, 'only a facilitator of this team can do this')
  }
}

/**
 * Fails with 409 unless the team has a facilitator other than `userId`. On PostgreSQL the
 * facilitator rows are locked, so two concurrent demotions cannot both see the other one;
 * SQLite runs one write transaction at a time anyway.
 */
async function requireAnotherFacilitator(
  trx: Db,
  dialect: Dialect,
  teamId: string,
  userId: string,
  leaving = false,
): Promise<void> {
  const facilitators = await trx
    .selectFrom('memberships')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('role', '=', 'facilitator' satisfies MemberRole)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .execute()

  if (!facilitators.some((row) => row.user_id !== userId)) {
    fail(
      409,
      leaving
        ? 'you are the last facilitator of this team; make another member a facilitator before leaving'
        : lastFacilitatorMessage,
    )
  }
}
