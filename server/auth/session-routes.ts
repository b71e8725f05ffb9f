import { createHash } from 'node:crypto'

import { Hono } from 'hono'

import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import type { Services } from '../services'
import { requireUser, setSessionCookie } from './middleware'

/**
 * Returns the id under which a session is listed: a SHA-256 hash of the session id, because
 * the session id is the cookie's secret and the listing must not hand it out.
 */
export function publicSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url')
}

/** Routes that list the signed-in user's sessions, end one, or end every other one. */
export function sessionRoutes() {
  const routes = new Hono<AppEnv>()

  routes.get('/auth/sessions', async (c) => {
    const user = requireUser(c)
    const current = c.var.session?.id
    const rows = await liveSessions(c.var.services, user.id)

    return c.json(
      rows.map((row) => ({
        id: publicSessionId(row.id),
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        userAgent: row.user_agent,
        current: row.id === current,
      })),
    )
  })

  routes.delete('/auth/sessions/:id', async (c) => {
    const user = requireUser(c)
    const { auth, rooms, logger } = c.var.services
    const listedId = c.req.param('id')

    const rows = await liveSessions(c.var.services, user.id)
    const session = rows.find((row) => publicSessionId(row.id) === listedId)
    if (!session) fail(404, 'session not found; it may have ended already')

    await auth.invalidateSession(session.id)
    rooms.closeSessions([session.id])
    const current = session.id === c.var.session?.id
    if (current) setSessionCookie(c, auth.createBlankSessionCookie())

    logger.info({ userId: user.id, current }, 'session ended')
    return c.json({ ok: true, current })
  })

  routes.delete('/auth/sessions', async (c) => {
    const user = requireUser(c)
    const { auth, rooms, logger } = c.var.services
    const current = c.var.session?.id

    const others = (await liveSessions(c.var.services, user.id)).filter((row) => row.id !== current)
    for (const session of others) await auth.invalidateSession(session.id)
    rooms.closeSessions(others.map((session) => session.id))

    logger.info({ userId: user.id, ended: others.length }, 'other sessions ended')
    return c.json({ ended: others.length })
  })

  return routes
}

function liveSessions(services: Services, userId: string) {
  return services.db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', Date.now())
    .orderBy('created_at', 'desc')
    .execute()
}
