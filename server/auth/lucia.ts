import { Lucia, TimeSpan } from 'lucia'

import type { Db } from '../storage/database'
import { SessionAdapter } from './session-adapter'

/**
 * Creates the session manager. Sessions last 30 days and slide: Lucia extends a session when
 * it is used in the second half of its life and marks it `fresh`, so the cookie is sent again.
 */
export function createLucia(db: Db) {
  return new Lucia(new SessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: 'plc_session',
      // Secure is set per response from the request's scheme; see `sessionCookieOptions`.
      attributes: { sameSite: 'lax', secure: false },
    },
    getUserAttributes: (attributes) => ({ email: attributes.email, name: attributes.name }),
    getSessionAttributes: (attributes) => ({
      createdAt: attributes.created_at,
      userAgent: attributes.user_agent,
    }),
  })
}

export type Auth = ReturnType<typeof createLucia>

declare module 'lucia' {
  interface Register {
    Lucia: Auth
    DatabaseUserAttributes: { email: string; name: string }
    DatabaseSessionAttributes: { created_at: number; user_agent: string }
  }
}
