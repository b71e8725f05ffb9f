import type { Auth } from './auth/lucia'
import type { Config } from './config'
import type { MeetingEventBus } from './events'
import type { Logger } from './logger'
import type { RoomManager } from './rooms/room-manager'
import type { Db } from './storage/database'
import type { Dialect } from './storage/migrations'
import type { DocumentStore } from './storage/document-store'

/** Shared dependencies of request handlers and rooms, built once at start-up. */
export interface Services {
  config: Config
  logger: Logger
  db: Db
  dialect: Dialect
  auth: Auth
  documents: DocumentStore
  rooms: RoomManager
  events: MeetingEventBus
}
