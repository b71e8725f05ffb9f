import { Hono } from 'hono'
import { generateIdFromEntropySize } from 'lucia'
import { z } from 'zod'

import type { AppEnv } from '../http/env'
import { fail, readJson } from '../http/errors'
import { clientAddress } from './client-address'
import { requireUser, setSessionCookie } from './middleware'
import { hashPassword, verifyPassword } from './passwords'
import { waitInMinutes, type LoginThrottle } from './throttle'

const email = z.string().trim().toLowerCase().pipe(z.email('must be an email address'))
const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')

const signupBody = z.object({
  email,
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  password,
})
const loginBody = z.object({ email, password: z.string().max(200) })

// Compared against when the email is unknown, so both failures take the same time.
const unknownUserHash = hashPassword('no user has this password')

/** Sign-up, sign-in (throttled by `throttle`), sign-out and the current user. */
export function authRoutes(throttle: LoginThrottle) {
  const routes = new Hono<AppEnv>()

  routes.post('/auth/signup', async (c) => {
    const body = await readJson(c, signupBody)
    const { db, auth, logger } = c.var.services

    const existing = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', body.email)
      .executeTakeFirst()
    if (existing) fail(409, 'an account with this email already exists; sign in instead')

    const user = {
      id: generateIdFromEntropySize(10),
      email: body.email,
      name: body.name,
      password_hash: await hashPassword(body.password),
      created_at: Date.now(),
    }
    await db.insertInto('users').values(user).execute()

    const session = await auth.createSession(user.id, sessionAttributes(c.req.header('user-agent')))
    setSessionCookie(c, auth.createSessionCookie(session.id))
    logger.info({ userId: user.id }, 'user signed up')
    return c.json({ id: user.id, email: user.email, name: user.name }, 201)
  })

  routes.post('/auth/login', async (c) => {
    const body = await readJson(c, loginBody)
    const { db, auth, logger } = c.var.services
    const address = clientAddress(c)

    const retryAfter = await throttle.begin(body.email, address)
    if (retryAfter !== null) {
      logger.warn({ address, retryAfter }, 'sign-in throttled')
      return c.json(
        { error: `too many sign-in attempts; try again in ${waitInMinutes(retryAfter)}` },
        429,
        { 'Retry-After': String(retryAfter) },
      )
    }

    const user = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', body.email)
      .executeTakeFirst()
    const valid = await verifyPassword(
      body.password,
      user?.password_hash ?? (await unknownUserHash),
    )
    if (!user || !valid) fail(401, 'invalid email or password')
    await throttle.succeeded(body.email, address)

    const session = await auth.createSession(user.id, sessionAttributes(c.req.header('user-agent')))
    setSessionCookie(c, auth.createSessionCookie(session.id))
    logger.info({ userId: user.id }, 'user signed in')
    return c.json({ id: user.id, email: user.email, name: user.name })
  })

  routes.post('/auth/logout', async (c) => {
    const { auth, rooms } = c.var.services
    const session = c.var.session
    if (session) {
      await auth.invalidateSession(session.id)
      rooms.closeSessions([session.id])
    }
    setSessionCookie(c, auth.createBlankSessionCookie())
    return c.json({ ok: true })
  })

  routes.get('/me', (c) => {
    const user = requireUser(c)
    return c.json({ id: user.id, email: user.email, name: user.name })
  })

  return routes
}

function sessionAttributes(userAgent: string | undefined) {
  return { created_at: Date.now(), user_agent: (userAgent ?? '').slice(0, 200) }
}
