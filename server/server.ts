import type { AddressInfo } from 'node:net'

import { serve, type ServerType } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'

import { createApp } from './app'
import { createLucia } from './auth/lucia'
import { startSessionSweep } from './auth/session-sweep'
import type { Config } from './config'
import { MeetingEventBus } from './events'
import type { AppEnv } from './http/env'
import type { Logger } from './logger'
import { LoggedDocumentStorage } from './rooms/document-storage'
import { cardsExtension } from './cards/extension'
import { attendanceExtension } from './meetings/attendance'
import { lifecycleExtension } from './meetings/lifecycle'
import { RoomManager } from './rooms/room-manager'
import { updateGuard } from './rooms/update-guard'
import type { Services } from './services'
import { startSnapshotService } from './snapshots/automatic'
import { openDatabase } from './storage/database'
import { timerExtension } from './timer/extension'
import { DocumentStore } from './storage/document-store'

export interface RunningServer {
  services: Services
  /** The address the server listens on, such as `http://127.0.0.1:8787`. */
  url: string
  port: number
  /** Stores every room, closes every socket and the database, then stops listening. */
  stop(): Promise<void>
}

/** Opens storage, builds the app and starts listening. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase({
    ...config,
    onIdleError: (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'),
  })
  const documents = new DocumentStore(database)
  const services: Services = {
    config,
    logger,
    db: database.db,
    dialect: database.dialect,
    auth: createLucia(database.db),
    documents,
    rooms: new RoomManager({
      logger,
      createStorage: (meetingId) =>
        new LoggedDocumentStorage(documents, meetingId, config.compactAfterUpdates),
      createExtensions: () => [
        lifecycleExtension(services),
        timerExtension(services),
        attendanceExtension(services),
        updateGuard(),
        cardsExtension(services),
      ],
    }),
    events: new MeetingEventBus(),
  }

  // The websocket helper needs the app and the app needs the helper, so the app is mounted
  // into an outer app that is passed to the helper.
  const outer = new Hono<AppEnv>()
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app: outer })
  // `ws` rejects frames past twice the limit with close code 1009 before buffering them whole.
  // Smaller oversized frames get the named code 4413 from the room connection.
  wss.options.maxPayload = config.maxMessageBytes * 2
  outer.route('/', createApp(services, upgradeWebSocket))

  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: outer.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started),
    )
  })
  injectWebSocket(server)
  const sessionSweep = startSessionSweep(services)
  const snapshots = startSnapshotService(services)

  const port = (server.address() as AddressInfo).port
  const url = `http://${config.host}:${port}`
  logger.info({ url, storage: database.dialect, dataDir: config.dataDir }, 'server started')

  return {
    services,
    url,
    port,
    async stop() {
      sessionSweep.stop()
      await snapshots.stop()
      await services.rooms.shutdown()
      for (const client of wss.clients) client.terminate()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      if ('closeAllConnections' in server) server.closeAllConnections()
      await closed
      await database.close()
      logger.info('server stopped')
    },
  }
}
