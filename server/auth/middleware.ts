import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Cookie, User } from 'lucia'

import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'

/** Reads the session cookie into `c.var.user` and `c.var.session`, refreshing it when due. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const { auth } = c.var.services
  const sessionId = getCookie(c, auth.sessionCookieName)
  if (!sessionId) {
    c.set('user', null)
    c.set('session', null)
    return next()
  }

  const { session, user } = await auth.validateSession(sessionId)
  if (!session) {
    setSessionCookie(c, auth.createBlankSessionCookie())
  } else if (session.fresh) {
    setSessionCookie(c, auth.createSessionCookie(session.id))
  }
  c.set('user', user)
  c.set('session', session)
  return next()
})

/** Returns the signed-in user, or ends the request with 401. */
export function requireUser(c: Context<AppEnv>): User {
  const user = c.var.user
  if (!user) fail(401, 'not signed in, or the session has expired; sign in again')
  return user
}

/** Sets a Lucia cookie, Secure whenever the request came over https. */
export function setSessionCookie(c: Context<AppEnv>, cookie: Cookie): void {
  const overHttps =
    new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'

  setCookie(c, cookie.name, cookie.value, {
    path: cookie.attributes.path ?? '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps,
    maxAge: cookie.attributes.maxAge,
  })
}
