import fs from 'node:fs'
import path from 'node:path'

import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { UpgradeWebSocket } from 'hono/ws'
import type { WebSocket } from 'ws'

import { sessionMiddleware } from './auth/middleware'
import { authRoutes } from './auth/routes'
import { cardRoutes } from './cards/routes'
import { sessionRoutes } from './auth/session-routes'
import { LoginThrottle, MemoryAttemptStore } from './auth/throttle'
import { csrfProtection } from './http/csrf'
import type { AppEnv } from './http/env'
import { exportRoutes } from './export/routes'
import { lifecycleRoutes } from './meetings/lifecycle-routes'
import { meetingRoutes } from './meetings/routes'
import { nextStepRoutes } from './next-steps/routes'
import { roomSocketRoute } from './rooms/socket-route'
import type { Services } from './services'
import { snapshotRoutes } from './snapshots/routes'
import { inviteRoutes } from './teams/invite-routes'
import { memberRoutes } from './teams/member-routes'
import { teamRoutes } from './teams/routes'

/** Largest request body the API reads, in bytes; a full team template is far smaller. */
const maxBodyBytes = 1024 * 1024

/** Builds the Hono app: API, room sockets and, when built, the client. */
export function createApp(services: Services, upgradeWebSocket: UpgradeWebSocket<WebSocket>) {
  const app = new Hono<AppEnv>()

  app.use(async (c, next) => {
    c.set('services', services)
    await next()
  })

  app.get('/healthz', (c) => c.json({ ok: true, storage: services.dialect }))

  const loginThrottle = new LoginThrottle({
    store: new MemoryAttemptStore(),
    maxPerAccount: services.config.loginMaxAttemptsPerAccount,
    maxPerAddress: services.config.loginMaxAttemptsPerAddress,
    windowMs: services.config.loginWindowMs,
  })

  // Every API body is small JSON; without a bound, anyone could make the server buffer a body
  // of any size, signed in or not.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        services.logger.warn({ method: c.req.method, path: c.req.path }, 'request body too large')
        return c.json({ error: `request body too large: the limit is ${maxBodyBytes} bytes` }, 413)
      },
    }),
  )
  app.use('/api/*', csrfProtection)
  app.use('/api/*', sessionMiddleware)
  app.use('/rooms/*', sessionMiddleware)
  app.route('/api', authRoutes(loginThrottle))
  app.route('/api', sessionRoutes())
  app.route('/api', teamRoutes())
  app.route('/api', inviteRoutes())
  app.route('/api', memberRoutes())
  app.route('/api', meetingRoutes())
  app.route('/api', lifecycleRoutes())
  app.route('/api', snapshotRoutes())
  app.route('/api', exportRoutes())
  app.route('/api', cardRoutes())
  app.route('/api', nextStepRoutes())
  app.all('/api/*', (c) =>
    c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404),
  )

  app.get('/rooms/:meetingId', roomSocketRoute(upgradeWebSocket))

  const clientDir = services.config.clientDir
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    const indexHtml = fs.readFileSync(path.join(clientDir, 'index.html'), 'utf8')
    const root = path.relative(process.cwd(), clientDir)
    app.use('/assets/*', compress(), async (c, next) => {
      await next()
      // Vite puts a content hash in every asset's file name, so a file never changes.
      if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
    })
    app.use('/*', serveStatic({ root }))
    // An asset of an older build is gone, and the page served in its place would fail as a script.
    app.get('/assets/*', (c) => c.text('asset not found; reload the page', 404))
    // Every other GET is a page of the single-page app.
    app.get('*', (c) => c.html(indexHtml))
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      return c.json({ error: error.message }, error.status)
    }
    services.logger.error(
      { err: error, method: c.req.method, path: c.req.path, userId: c.var.user?.id },
      'request failed',
    )
    return c.json({ error: 'internal server error' }, 500)
  })

  return app
}
