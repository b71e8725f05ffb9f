import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as decoding from 'lib0/decoding'

import { CloseCode, MessageType } from '../../shared/wire'
import type { Logger } from '../logger'
import {
  encodeAwarenessEntries,
  isOwnAwarenessState,
  readAwarenessEntries,
  type AwarenessEntry,
} from './awareness-entries'
import { canEditDocument, type RoomConnection } from './connection'
import {
  encodeAwareness,
  encodeClockPong,
  encodeDocUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
} from './messages'
import { expectEnd, MalformedMessageError, readOrFail } from './message-errors'

export { MalformedMessageError }

/** Storage of a room's document. */
export interface RoomStorage {
  /** Applies the stored document to `doc`. */
  load(doc: Y.Doc): Promise<void>
  /** Durably stores updates; the room relays them only after this resolves. */
  store(updates: Uint8Array[]): Promise<void>
  /** Compacts the stored log when it has grown past its bound, or always when `force` is set. */
  compact(doc: Y.Doc, force: boolean): Promise<void>
}

/** A room's lifecycle hooks; features such as the timer or cross-process fan-out plug in here. */
export interface RoomExtension {
  /** Runs after the document is loaded and before any client syncs. */
  onLoad?(room: Room): void | Promise<void>
  /** Returns why an update from `conn` must be dropped, or null to apply it. */
  checkUpdate?(room: Room, conn: RoomConnection, update: Uint8Array): string | null
  /** Handles a message number the room does not know; returns false when it is not its own. */
  onMessage?(room: Room, conn: RoomConnection, type: number, decoder: decoding.Decoder): boolean
  onConnect?(room: Room, conn: RoomConnection): void
  onDisconnect?(room: Room, conn: RoomConnection): void
  /** Runs once updates are stored, just before they are relayed. */
  onStored?(room: Room, updates: Uint8Array[]): void
  /** Runs after the last client left and the document is stored, before the room is dropped. */
  onUnload?(room: Room): void | Promise<void>
}

export interface RoomOptions {
  meetingId: string
  teamId: string
  storage: RoomStorage
  extensions: RoomExtension[]
  logger: Logger
}

/** Origin of updates that arrive from another server process, already stored there. */
export const remoteOrigin = Symbol('remote')

/** Origin of updates made by the server itself; they are stored and relayed to everyone. */
export const serverOrigin = Symbol('server')

/**
 * Maximum awareness client ids per connection. A y-websocket client uses one, its document's.
 * Without a bound, one socket could list thousands of people present and have every state
 * relayed to every client.
 */
const maxAwarenessIdsPerConnection = 4

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

/**
 * One meeting's live document and the sockets editing it.
 *
 * Updates are applied at once but relayed only after storage has them: updates that arrive in
 * one event-loop turn are stored as one batch, then sent to every other client. A client that
 * syncs waits for that too, so no client receives state that a crash could lose.
 */
export class Room {
  readonly meetingId: string
  readonly teamId: string
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<RoomConnection>()
  readonly logger: Logger
  /** When set, every document update is dropped; an ended meeting is read-only. */
  readOnly = false
  /** Set once the room starts unloading or fails; no connection may join it then. */
  closed = false

  readonly #storage: RoomStorage
  readonly #extensions: RoomExtension[]
  #pending: PendingUpdate[] = []
  #unstored = 0
  #flushScheduled = false
  #flushChain: Promise<void> = Promise.resolve()

  constructor(options: RoomOptions) {
    this.meetingId = options.meetingId
    this.teamId = options.teamId
    this.#storage = options.storage
    this.#extensions = options.extensions
    this.logger = options.logger.child({ meetingId: options.meetingId })
    this.awareness.setLocalState(null)
  }

  /** Loads the stored document; the room accepts connections only after this resolves. */
  async load(): Promise<void> {
    await this.#storage.load(this.doc)
    for (const extension of this.#extensions) await extension.onLoad?.(this)

    this.doc.on('update', this.#onDocUpdate)
    this.awareness.on('update', this.#onAwarenessUpdate)
  }

  addConnection(conn: RoomConnection): void {
    this.connections.add(conn)
    conn.send(encodeSyncStep1(this.doc))

    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) conn.send(encodeAwareness(this.awareness, states))

    for (const extension of this.#extensions) extension.onConnect?.(this, conn)
  }

  removeConnection(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return

    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], conn)
    }
    for (const extension of this.#extensions) extension.onDisconnect?.(this, conn)
  }

  /** Sends a message to every connection, or to every one that `filter` accepts. */
  broadcast(message: Uint8Array, filter?: (conn: RoomConnection) => boolean): void {
    for (const conn of this.connections) {
      if (!filter || filter(conn)) conn.send(message)
    }
  }

  /**
   * Handles one binary message from a connection.
   * @throws MalformedMessageError when the message cannot be decoded or is not a client's.
   */
  handleMessage(conn: RoomConnection, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data)
    const type = readOrFail(() => decoding.readVarUint(decoder))

    switch (type) {
      case MessageType.Sync:
        this.#handleSync(conn, decoder)
        break

      case MessageType.Awareness: {
        const update = readOrFail(() => decoding.readVarUint8Array(decoder))
        expectEnd(decoder)
        this.#receiveAwareness(conn, update)
        break
      }

      case MessageType.QueryAwareness: {
        expectEnd(decoder)
        const states = [...this.awareness.getStates().keys()]
        conn.send(encodeAwareness(this.awareness, states))
        break
      }

      case MessageType.ClockPing: {
        const clientTime = readOrFail(() => decoding.readFloat64(decoder))
        expectEnd(decoder)
        conn.send(encodeClockPong(clientTime, Date.now()))
        break
      }

      case MessageType.Auth:
      case MessageType.Timer:
      case MessageType.ClockPong:
      case MessageType.Notice:
        throw new MalformedMessageError(`message type ${type} is sent only by the server`)

      default:
        if (!this.#extensions.some((e) => e.onMessage?.(this, conn, type, decoder))) {
          throw new MalformedMessageError(`unknown message type ${type}`)
        }
    }
  }

  /**
   * Applies an update made by the server, such as a restore. It is stored and then relayed to
   * every client like a client's update.
   */
  applyServerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, serverOrigin)
  }

  /** Resolves once every update applied so far is stored. */
  async whenStored(): Promise<void> {
    while (this.#unstored > 0) await this.#flushChain
  }

  /** Stores what is left, compacts the log and releases the document. */
  async unload(): Promise<void> {
    this.closed = true
    await this.whenStored()
    await this.#storage.compact(this.doc, true)
    for (const extension of this.#extensions) await extension.onUnload?.(this)
    this.destroy()
  }

  /** Releases timers and listeners without storing anything. */
  destroy(): void {
    this.closed = true
    this.doc.off('update', this.#onDocUpdate)
    this.awareness.off('update', this.#onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  #handleSync(conn: RoomConnection, decoder: decoding.Decoder): void {
    const subtype = readOrFail(() => decoding.readVarUint(decoder))
    const payload = readOrFail(() => decoding.readVarUint8Array(decoder))
    expectEnd(decoder)

    switch (subtype) {
      case syncProtocol.messageYjsSyncStep1:
        readOrFail(() => Y.decodeStateVector(payload))
        void this.whenStored().then(() => {
          if (this.connections.has(conn)) conn.send(encodeSyncStep2(this.doc, payload))
        })
        break

      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        this.#receiveUpdate(conn, payload)
        break

      default:
        throw new MalformedMessageError(`unknown sync message type ${subtype}`)
    }
  }

  #receiveUpdate(conn: RoomConnection, update: Uint8Array): void {
    // Decoding the whole update first means a garbled one is rejected before it can be half
    // applied: Y.applyUpdate integrates the structs before it reads the delete set.
    const { structs } = readOrFail(() => Y.decodeUpdate(update))

    if (this.readOnly || !canEditDocument(conn.role)) {
      this.logger.debug({ userId: conn.userId, role: conn.role }, 'dropped update from read-only')
      return
    }
    // Yjs keeps structs that skip clocks aside until the gap fills, and merges every later
    // such update into them, so a client sending gapped updates makes each merge longer until
    // the server stalls. So one set may wait and later ones are dropped. A client sends its own
    // clocks in order, which means a gap comes only from an update another server process has
    // not relayed here yet.
    // NOTE: with several processes, a second such update is dropped here and reaches the
    // others only when its client reconnects and syncs again.
    if (this.doc.store.pendingStructs !== null && skipsClocks(this.doc, structs)) {
      this.logger.warn({ userId: conn.userId }, 'dropped update that skips clocks')
      return
    }
    for (const extension of this.#extensions) {
      const reason = extension.checkUpdate?.(this, conn, update)
      if (reason) {
        this.logger.warn({ userId: conn.userId, reason }, 'dropped update')
        return
      }
    }

    Y.applyUpdate(this.doc, update, conn)
  }

  /**
   * Applies the awareness states a connection may set: its own. Stock y-websocket clients send
   * back every awareness change they receive, so states the room already has at that clock are
   * echoes and skipped quietly. A newer state for another connection's client id, or a state
   * naming another user, is a spoof and dropped with a warning.
   */
  #receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    const entries = readOrFail(() => readAwarenessEntries(update))
    const accepted: AwarenessEntry[] = []

    for (const entry of entries) {
      const owner = this.#awarenessOwner(entry.clientId)
      const known = this.awareness.meta.get(entry.clientId)
      if (owner !== conn && known && entry.clock <= known.clock) continue

      if (owner && owner !== conn) {
        this.logger.warn(
          { userId: conn.userId, clientId: entry.clientId },
          'dropped awareness state of another connection',
        )
        continue
      }
      // Clients show present users from the `user` field, so a state naming someone else would
      // show that person present, or put another name on this user's caret.
      if (!isOwnAwarenessState(entry.state, conn)) {
        this.logger.warn(
          { userId: conn.userId, clientId: entry.clientId },
          'dropped awareness naming another user',
        )
        continue
      }
      accepted.push(entry)
    }

    const added = new Set(
      accepted.map((entry) => entry.clientId).filter((id) => !conn.awarenessIds.has(id)),
    )
    if (conn.awarenessIds.size + added.size > maxAwarenessIdsPerConnection) {
      this.logger.warn({ userId: conn.userId, clientIds: added.size }, 'dropped awareness flood')
      return
    }
    if (accepted.length === 0) return

    const filtered = accepted.length === entries.length ? update : encodeAwarenessEntries(accepted)
    readOrFail(() => awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, conn))
  }

  #awarenessOwner(clientId: number): RoomConnection | undefined {
    for (const conn of this.connections) {
      if (conn.awarenessIds.has(clientId)) return conn
    }
    return undefined
  }

  #onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === remoteOrigin) {
      this.broadcast(encodeDocUpdate(update))
      return
    }

    this.#pending.push({ update, origin })
    this.#unstored += 1
    if (this.#flushScheduled) return

    this.#flushScheduled = true
    this.#flushChain = this.#flushChain.then(() => this.#flush())
  }

  async #flush(): Promise<void> {
    this.#flushScheduled = false
    const batch = this.#pending
    this.#pending = []
    const updates = batch.map((item) => item.update)

    try {
      await this.#storage.store(updates)
    } catch (error) {
      this.logger.error({ err: error }, 'storing updates failed; closing the room')
      this.#fail()
      return
    }
    this.#unstored -= batch.length

    for (const extension of this.#extensions) extension.onStored?.(this, updates)
    for (const { update, origin } of batch) {
      const message = encodeDocUpdate(update)
      this.broadcast(message, (conn) => conn !== origin)
    }

    try {
      await this.#storage.compact(this.doc, false)
    } catch (error) {
      this.logger.error({ err: error }, 'compacting the update log failed')
    }
  }

  /**
   * Closes every socket after a storage failure. Clients keep their edits and send them again
   * when they reconnect to a freshly loaded room, so nothing they typed is lost.
   */
  #fail(): void {
    this.closed = true
    this.#unstored = 0
    for (const conn of [...this.connections]) conn.close(CloseCode.StorageFailure)
  }

  #onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed]
    const conn = origin as RoomConnection | null
    if (conn && this.connections.has(conn)) {
      for (const id of changes.added) conn.awarenessIds.add(id)
      for (const id of changes.removed) conn.awarenessIds.delete(id)
    }
    this.broadcast(encodeAwareness(this.awareness, changed))
  }
}

/** Tells whether an update's structs leave a gap after what the document has of some client. */
function skipsClocks(doc: Y.Doc, structs: Array<Y.Item | Y.GC | Y.Skip>): boolean {
  const next = new Map<number, number>()
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return true

    const { client, clock } = struct.id
    const expected = next.get(client) ?? Y.getState(doc.store, client)
    if (clock > expected) return true
    next.set(client, Math.max(expected, clock + struct.length))
  }
  return false
}
