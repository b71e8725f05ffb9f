import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

import type { AppEnv } from '../http/env'

/**
 * Returns the address the request came from. With `trustProxy` set, it is the last entry of
 * X-Forwarded-For, which the proxy in front of the server appended. Earlier entries come from
 * the client and could be forged.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.services.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')
    const last = forwarded?.split(',').at(-1)?.trim()
    if (last) return last
  }

  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Requests made through `app.request()` have no socket.
    return 'unknown'
  }
}
