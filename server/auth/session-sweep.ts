import { CloseCode } from '../../shared/wire'
import type { Services } from '../services'

export interface SessionSweep {
  stop(): void
}

/**
 * Checks, every `config.sessionCheckIntervalMs`, the sessions of open room sockets and closes
 * with 4401 the sockets whose session has expired or was deleted by another process. Sign-out
 * and revocation in this process close sockets at once; this catches everything else.
 */
export function startSessionSweep(services: Services): SessionSweep {
  const { config, logger } = services
  let running = false

  const timer = setInterval(() => {
    if (running) return
    running = true
    closeEndedSessions(services)
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
