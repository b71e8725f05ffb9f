import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import { requireUser } from '../auth/middleware'
import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import type { Db } from '../storage/database'
import { findRole, requireTeamRole } from './access'

const dayMs = 24 * 60 * 60 * 1000

const inviteBody = z.object({
  role: z.enum(['facilitator', 'member', 'observer']),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(90, 'must be at most 90 days')
    .default(7),
  singleUse: z.boolean().default(false),
  // Optional, so that clients which only send a role keep working. Blank is stored as null.
  label: z
    .string()
    .trim()
    .max(80, 'must be at most 80 characters')
    .optional()
    .transform((value) => (value ? value : null)),
})

/** Invitation links that add whoever accepts them to a team with a role. */
export function inviteRoutes() {
  const routes = new Hono<AppEnv>()

  routes.post('/teams/:teamId/invites', async (c) => {
    const teamId = c.req.param('teamId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')
    const body = await readJson(c, inviteBody)

    const token = generateIdFromEntropySize(20)
    const now = Date.now()
    const expiresAt = now + body.expiresInDays * dayMs
    await c.var.services.db
      .insertInto('invites')
      .values({
        token,
        team_id: teamId,
        role: body.role,
        created_by: user.id,
        created_at: now,
        expires_at: expiresAt,
        single_use: body.singleUse ? 1 : 0,
        used_at: null,
        revoked_at: null,
        label: body.label,
      })
      .execute()

    c.var.services.logger.info(
      { teamId, userId: user.id, role: body.role, singleUse: body.singleUse },
      'invitation created',
    )
    return c.json(
      { token, role: body.role, expiresAt, singleUse: body.singleUse, label: body.label },
      201,
    )
  })

  routes.get('/teams/:teamId/invites', async (c) => {
    const teamId = c.req.param('teamId')
    await requireTeamRole(c, teamId, 'facilitator')

    const rows = await c.var.services.db
      .selectFrom('invites')
      .innerJoin('users', 'users.id', 'invites.created_by')
      .select([
        'invites.token',
        'invites.role',
        'invites.created_at',
        'invites.expires_at',
        'invites.single_use',
        'invites.used_at',
        'invites.label',
        'users.name as created_by_name',
      ])
      .where('invites.team_id', '=', teamId)
      .where('invites.revoked_at', 'is', null)
      .where('invites.expires_at', '>', Date.now())
      .where((eb) => eb.or([eb('invites.single_use', '=', 0), eb('invites.used_at', 'is', null)]))
      .orderBy('invites.created_at', 'desc')
      .execute()

    return c.json(
      rows.map((row) => ({
        token: row.token,
        role: row.role,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        singleUse: row.single_use === 1,
        usedAt: row.used_at,
        label: row.label,
        createdBy: row.created_by_name,
      })),
    )
  })

  routes.delete('/teams/:teamId/invites/:token', async (c) => {
    const teamId = c.req.param('teamId')
    const { user } = await requireTeamRole(c, teamId, 'facilitator')

    const result = await c.var.services.db
      .updateTable('invites')
      .set({ revoked_at: Date.now() })
      .where('token', '=', c.req.param('token'))
      .where('team_id', '=', teamId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (result.numUpdatedRows === 0n) {
      fail(404, 'invitation not found in this team, or already revoked')
    }

    c.var.services.logger.info({ teamId, userId: user.id }, 'invitation revoked')
    return c.json({ ok: true })
  })

  // Public, so the invitation page can show the team's name before the visitor signs in.
  routes.get('/invites/:token', async (c) => {
    const invite = await findOpenInvite(c.var.services.db, c.req.param('token'))
    return c.json(invite)
  })

  routes.post('/invites/:token/accept', async (c) => {
    const user = requireUser(c)
    const token = c.req.param('token')
    const { db, logger } = c.var.services

    const accepted = await db.transaction().execute(async (trx) => {
      const invite = await findOpenInvite(trx, token)

      // A member keeps the role they have: an invitation must not demote a facilitator, and
      // a single-use link is not spent on someone who is already in.
      const current = await findRole(trx, invite.teamId, user.id)
      if (current) return { teamId: invite.teamId, role: current, alreadyMember: true }

      if (invite.singleUse) {
        // The conditional update is the claim: of two concurrent accepts, only one matches.
        const now = Date.now()
        const claimed = await trx
          .updateTable('invites')
          .set({ used_at: now })
          .where('token', '=', token)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst()
        if (claimed.numUpdatedRows === 0n) fail(410, usedMessage)
      } else {
        // Records the latest use, so that facilitators can see which links were used.
        await trx
          .updateTable('invites')
          .set({ used_at: Date.now() })
          .where('token', '=', token)
          .execute()
      }

      await trx
        .insertInto('memberships')
        .values({
          team_id: invite.teamId,
          user_id: user.id,
          role: invite.role,
          joined_at: Date.now(),
        })
        .execute()
      return { teamId: invite.teamId, role: invite.role, alreadyMember: false }
    })

    logger.info({ ...accepted, userId: user.id }, 'invitation accepted')
    return c.json(accepted)
  })

  return routes
}

const usedMessage = 'this invitation was already used; ask the facilitator for a new link'

async function findOpenInvite(db: Db, token: string) {
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

  if (!row) fail(404, 'invitation not found; check the link or ask for a new one')
  if (row.revoked_at !== null) {
    fail(410, 'this invitation was revoked; ask the facilitator for a new link')
  }
  if (row.expires_at <= Date.now()) {
    fail(410, 'this invitation has expired; ask the facilitator for a new link')
  }
  if (row.single_use && row.used_at !== null) fail(410, usedMessage)

  return {
    teamId: row.team_id,
    teamName: row.name,
    role: row.role,
    expiresAt: row.expires_at,
    singleUse: row.single_use === 1,
  }
}
