import { createMiddleware } from 'hono/factory'
import { csrf } from 'hono/csrf'

import type { AppEnv } from './env'
import { fail } from './errors'
import { isAllowedOrigin } from './origin'

const check = csrf({
  origin: (origin, c) =>
    isAllowedOrigin(origin, c.req.header('host'), c.var.services.config.allowedOrigins),
})

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Rejects state-changing requests that a browser sent from another site with the user's
 * cookie. Hono's csrf check covers the requests a plain HTML form can send (form and text
 * bodies): they pass when Sec-Fetch-Site is `same-origin` or Origin is the app's own or listed
 * in ALLOWED_ORIGINS. Other bodies, such as JSON, also fail when their Origin is a foreign one,
 * so a later CORS setting cannot open the API by mistake.
 *
 * Requests with neither Origin nor Sec-Fetch-Site pass. Browsers send Origin with every POST,
 * PATCH and DELETE, so such a request comes from a program (curl, a test, a sync client),
 * and another site cannot make a program send the user's cookie.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin')
  if (safeMethods.has(c.req.method)) return next()
  if (origin === undefined && c.req.header('sec-fetch-site') === undefined) return next()

  let allowed = false
  try {
    await check(c, async () => {
      allowed = true
    })
  } catch {
    // Hono throws an HTTPException carrying a plain-text 403; the API returns JSON instead.
  }
  const { config } = c.var.services
  if (
    allowed &&
    origin !== undefined &&
    !isAllowedOrigin(origin, c.req.header('host'), config.allowedOrigins)
  ) {
    allowed = false
  }
  if (!allowed) {
    c.var.services.logger.warn(
      { origin: c.req.header('origin'), method: c.req.method, path: c.req.path },
      'cross-site request rejected',
    )
    fail(403, 'cross-site request rejected: this request did not come from the app itself')
  }
  return next()
})
