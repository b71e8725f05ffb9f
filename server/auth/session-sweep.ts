import { CloseCode, type MemberRole } from '../../shared/wire'
import type { Services } from '../services'

export interface SessionSweep {
  stop(): void
}

/**
 * Checks open room sockets every `config.sessionCheckIntervalMs`. Sockets whose session has
 * expired or was deleted close with 4401, and sockets whose membership changed get the new
 * role or close with 4403. Sign-out, revocation and member changes made in this process reach
 * sockets at once; this catches expiry and changes made by other server processes.
 */
export function startSessionSweep(services: Services): SessionSweep {
  const { config, logger } = services
  if (config.sessionCheckIntervalMs === 0) {
    logger.warn('socket session check is off; expired sessions keep their sockets open')
    return { stop: () => {} }
  }
  let running = false

  const timer = setInterval(() => {
    if (running) return
    running = true
    closeEndedSessions(services)
      .then(() => applyMembershipChanges(services))
      .catch((error: unknown) => logger.error({ err: error }, 'checking socket sessions failed'))
      .finally(() => {
        running = false
      })
  }, config.sessionCheckIntervalMs)
  timer.unref()

  return { stop: () => clearInterval(timer) }
}

/** Closes the sockets whose session is no longer valid; returns how many sessions ended. */
export async function closeEndedSessions(services: Services): Promise<number> {
  const { db, rooms, logger } = services
  const open = rooms.openSessionIds()
  if (open.size === 0) return 0

  const valid = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', 'in', [...open])
    .where('expires_at', '>', Date.now())
    .execute()
  const validIds = new Set(valid.map((row) => row.id))
  const ended = [...open].filter((id) => !validIds.has(id))
  if (ended.length === 0) return 0

  rooms.closeSessions(ended, CloseCode.Unauthenticated)
  logger.info({ sessions: ended.length }, 'closed sockets of ended sessions')
  return ended.length
}

/** Brings open sockets in line with the stored memberships; returns how many changed. */
export async function applyMembershipChanges(services: Services): Promise<number> {
  const { db, rooms, logger } = services
  const open = new Map<string, { teamId: string; userId: string; role: MemberRole }>()
  for (const { teamId, conn } of rooms.openConnections()) {
    open.set(`${teamId} ${conn.userId}`, { teamId, userId: conn.userId, role: conn.role })
  }
  if (open.size === 0) return 0

  const userIds = [...new Set([...open.values()].map((entry) => entry.userId))]
  const rows = await db
    .selectFrom('memberships')
    .select(['team_id', 'user_id', 'role'])
    .where('user_id', 'in', userIds)
    .execute()
  const stored = new Map(rows.map((row) => [`${row.team_id} ${row.user_id}`, row.role]))

  let changed = 0
  for (const [key, entry] of open) {
    const role = stored.get(key) ?? null
    if (role === entry.role) continue
    rooms.updateMember(entry.teamId, entry.userId, role)
    changed += 1
  }
  if (changed > 0) logger.info({ changed }, 'applied membership changes to open sockets')
  return changed
}
