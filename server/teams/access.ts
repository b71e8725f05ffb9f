import type { Context } from 'hono'
import type { User } from 'lucia'

import type { Phase } from '../../shared/protocols'
import type { MemberRole } from '../../shared/wire'
import { requireUser } from '../auth/middleware'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import type { Db } from '../storage/database'
import type { MeetingTable } from '../storage/schema'

export async function findRole(db: Db, teamId: string, userId: string): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.role ?? null
}

export interface MeetingRecord {
  id: string
  teamId: string
  title: string
  protocolId: string
  phases: Phase[]
  state: MeetingTable['state']
  createdAt: number
}

export async function findMeeting(db: Db, meetingId: string): Promise<MeetingRecord | null> {
  const row = await db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .executeTakeFirst()
  if (!row) return null

  return {
    id: row.id,
    teamId: row.team_id,
    title: row.title,
    protocolId: row.protocol_id,
    phases: JSON.parse(row.phases_json) as Phase[],
    state: row.state,
    createdAt: row.created_at,
  }
}

const roleRank: Record<MemberRole, number> = { observer: 0, member: 1, facilitator: 2 }

/**
 * Checks that the signed-in user belongs to the team with at least `minimum` role. A team the
 * user is not in gets 404, so its existence does not leak.
 */
export async function requireTeamRole(
  c: Context<AppEnv>,
  teamId: string,
  minimum: MemberRole = 'observer',
): Promise<{ user: User; role: MemberRole }> {
  const user = requireUser(c)
  const role = await findRole(c.var.services.db, teamId, user.id)
  if (!role) fail(404, 'team not found')
  if (roleRank[role] < roleRank[minimum]) fail(403, forbiddenMessage(minimum))
  return { user, role }
}

/** Like `requireTeamRole`, for the team of a meeting. */
export async function requireMeetingRole(
  c: Context<AppEnv>,
  meetingId: string,
  minimum: MemberRole = 'observer',
): Promise<{ user: User; role: MemberRole; meeting: MeetingRecord }> {
  const user = requireUser(c)
  const meeting = await findMeeting(c.var.services.db, meetingId)
  if (!meeting) fail(404, 'meeting not found')

  const role = await findRole(c.var.services.db, meeting.teamId, user.id)
  if (!role) fail(404, 'meeting not found')
  if (roleRank[role] < roleRank[minimum]) fail(403, forbiddenMessage(minimum))
  return { user, role, meeting }
}

function forbiddenMessage(minimum: MemberRole): string {
  return minimum === 'facilitator'
    ? 'only a facilitator of this team can do this'
    : 'observers can view but not change this team'
}
