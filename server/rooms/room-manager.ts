import { CloseCode, type MemberRole } from '../../shared/wire'
import type { Logger } from '../logger'
import type { RoomConnection } from './connection'
import { encodeNotice } from './messages'
import { Room, type RoomExtension, type RoomStorage } from './room'

export interface RoomManagerOptions {
  logger: Logger
  /** Creates the storage of one meeting's document. */
  createStorage(meetingId: string): RoomStorage
  /** Extensions every room gets, created per room. */
  createExtensions(meetingId: string): RoomExtension[]
}

/**
 * The rooms this process holds. A room loads once however many clients join at the same
 * moment, and unloads, stored, when its last client leaves.
 */
export class RoomManager {
  readonly #options: RoomManagerOptions
  readonly #rooms = new Map<string, Room>()
  readonly #loading = new Map<string, Promise<Room>>()
  readonly #unloading = new Map<string, Promise<void>>()
  /** Connections waiting for their room to load, with their team, so member changes reach them. */
  readonly #joining = new Map<RoomConnection, string>()

  constructor(options: RoomManagerOptions) {
    this.#options = options
  }

  /** Returns the loaded room of a meeting, if this process has one open. */
  get(meetingId: string): Room | undefined {
    const room = this.#rooms.get(meetingId)
    return room && !room.closed ? room : undefined
  }

  get size(): number {
    return this.#rooms.size
  }

  /** Loads the meeting's room if needed and adds the connection to it. */
  async join(meetingId: string, teamId: string, conn: RoomConnection): Promise<Room> {
    this.#joining.set(conn, teamId)
    try {
      for (;;) {
        await this.#unloading.get(meetingId)

        const room = this.#rooms.get(meetingId) ?? (await this.#load(meetingId, teamId))
        if (room.closed) {
          // A room that failed, or began to unload, takes no one; wait for it and load anew.
          void this.#unload(room)
          continue
        }

        room.addConnection(conn)
        this.#options.logger.info(
          { meetingId, userId: conn.userId, clients: room.connections.size },
          'client joined',
        )
        return room
      }
    } finally {
      this.#joining.delete(conn)
    }
  }

  /** Removes the connection; the room unloads when it was the last one. */
  leave(room: Room, conn: RoomConnection): void {
    room.removeConnection(conn)
    this.#options.logger.info(
      { meetingId: room.meetingId, userId: conn.userId, clients: room.connections.size },
      'client left',
    )
    if (room.connections.size === 0) void this.#unload(room)
  }

  /** Applies a member's new role to their open sockets, or closes them when `role` is null. */
  updateMember(teamId: string, userId: string, role: MemberRole | null): void {
    for (const { teamId: connTeamId, conn } of [...this.#everyConnection()]) {
      if (connTeamId !== teamId || conn.userId !== userId) continue
      if (role === null) {
        conn.close(CloseCode.Forbidden)
      } else {
        conn.role = role
        conn.send(encodeNotice({ kind: 'role', role }))
      }
    }
  }

  /** Closes every socket opened with one of these sessions. */
  closeSessions(sessionIds: string[], code: CloseCode = CloseCode.Unauthenticated): void {
    const ids = new Set(sessionIds)
    for (const { conn } of [...this.#everyConnection()]) {
      if (ids.has(conn.sessionId)) conn.close(code)
    }
  }

  /**
   * Every connection in a room and every one still waiting for its room to load. A change
   * made while a room loads must reach its joining sockets too, because their role was read
   * before the load.
   */
  *#everyConnection(): Generator<{ teamId: string; conn: RoomConnection }> {
    yield* this.openConnections()
    for (const [conn, teamId] of this.#joining) yield { teamId, conn }
  }

  /** Session ids of every open socket, so expired or ended sessions can be found. */
  openSessionIds(): Set<string> {
    const ids = new Set<string>()
    for (const room of this.#rooms.values()) {
      for (const conn of room.connections) ids.add(conn.sessionId)
    }
    return ids
  }

  /** Every open connection with its room's team, for checks that run outside a message. */
  *openConnections(): Generator<{ teamId: string; conn: RoomConnection }> {
    for (const room of this.#rooms.values()) {
      for (const conn of room.connections) yield { teamId: room.teamId, conn }
    }
  }

  /**
   * Runs `change` on the meeting's room, loading the room for it when no client has it open,
   * and resolves once the change is stored (and so relayed). A room loaded only for the change
   * unloads again. `change` is synchronous so that no client can leave, and the room unload,
   * while it runs.
   */
  async changeRoom<T>(meetingId: string, teamId: string, change: (room: Room) => T): Promise<T> {
    for (;;) {
      await this.#unloading.get(meetingId)

      const room = this.#rooms.get(meetingId) ?? (await this.#load(meetingId, teamId))
      if (room.closed) {
        void this.#unload(room)
        continue
      }

      const result = change(room)
      await room.whenStored()
      // A room that closed without unloading failed to store; its clients reload the stored state.
      if (room.closed && !this.#unloading.has(meetingId)) {
        throw new Error(`room-manager: storing a server change to meeting ${meetingId} failed`)
      }
      if (room.connections.size === 0) void this.#unload(room)
      return result
    }
  }

  /** Closes every socket with a restart code and stores every room. */
  async shutdown(): Promise<void> {
    await Promise.allSettled(this.#loading.values())
    const rooms = [...this.#rooms.values()]
    for (const room of rooms) {
      for (const conn of [...room.connections]) conn.close(CloseCode.ServiceRestart)
    }
    await Promise.allSettled([
      ...rooms.map((room) => this.#unload(room)),
      ...this.#unloading.values(),
    ])
  }

  async #load(meetingId: string, teamId: string): Promise<Room> {
    const inFlight = this.#loading.get(meetingId)
    if (inFlight) return inFlight

    const room = new Room({
      meetingId,
      teamId,
      storage: this.#options.createStorage(meetingId),
      extensions: this.#options.createExtensions(meetingId),
      logger: this.#options.logger,
    })
    const loading = room.load().then(
      () => {
        this.#rooms.set(meetingId, room)
        this.#options.logger.info({ meetingId }, 'room loaded')
        return room
      },
      (error: unknown) => {
        room.destroy()
        throw error
      },
    )
    this.#loading.set(meetingId, loading)

    try {
      return await loading
    } finally {
      this.#loading.delete(meetingId)
    }
  }

  #unload(room: Room): Promise<void> {
    const existing = this.#unloading.get(room.meetingId)
    if (existing) return existing
    if (this.#rooms.get(room.meetingId) !== room) return Promise.resolve()

    const { logger } = this.#options
    room.closed = true
    const unloading = room
      .unload()
      .then(
        () => logger.info({ meetingId: room.meetingId }, 'room unloaded'),
        (error: unknown) => {
          logger.error({ err: error, meetingId: room.meetingId }, 'unloading room failed')
          room.destroy()
        },
      )
      .finally(() => {
        this.#rooms.delete(room.meetingId)
        this.#unloading.delete(room.meetingId)
      })

    this.#unloading.set(room.meetingId, unloading)
    return unloading
  }
}
