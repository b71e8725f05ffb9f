import type { WSContext } from 'hono/ws'
import type { WebSocket } from 'ws'

import { CloseCode, closeReasons, type MemberRole } from '../../shared/wire'
import type { Logger } from '../logger'
import type { RoomConnection } from './connection'
import { MalformedMessageError, type Room } from './room'
import type { RoomManager } from './room-manager'

// A socket that sends no pong within this time is taken as dead and dropped, so
// clients that vanish on a weak network do not keep a room loaded.
const pingIntervalMs = 30_000

// A socket may fall this many maximum-size messages behind before it is dropped, and may send
// this many before its room has loaded. A client might stop reading but keep sending sync step
// 1 (three bytes, each replied to with the full document), or send without pause while a large
// room loads. Without a bound the server would buffer either until it runs out of memory. A
// dropped client reconnects and syncs again.
const maxBacklogMessages = 8

export interface SocketConnectionOptions {
  ws: WSContext<WebSocket>
  manager: RoomManager
  meetingId: string
  teamId: string
  userId: string
  userName: string
  sessionId: string
  role: MemberRole
  maxMessageBytes: number
  logger: Logger
}

/**
 * A websocket joined to a room. Messages that arrive while the room loads wait in order; a
 * message that is too large or malformed closes this socket alone.
 */
export class SocketConnection implements RoomConnection {
  readonly userId: string
  readonly userName: string
  readonly sessionId: string
  role: MemberRole
  readonly awarenessIds = new Set<number>()

  readonly #ws: WSContext<WebSocket>
  readonly #options: SocketConnectionOptions
  readonly #logger: Logger
  #room: Room | null = null
  #queue: Uint8Array[] = []
  #queuedBytes = 0
  #closed = false
  #alive = true
  #pingTimer: NodeJS.Timeout | undefined

  constructor(options: SocketConnectionOptions) {
    this.#ws = options.ws
    this.#options = options
    this.userId = options.userId
    this.userName = options.userName
    this.sessionId = options.sessionId
    this.role = options.role
    this.#logger = options.logger.child({ meetingId: options.meetingId, userId: options.userId })
  }

  /** Joins the room; call once when the socket opens. */
  async open(): Promise<void> {
    const raw = this.#ws.raw
    raw?.on('pong', () => {
      this.#alive = true
    })
    this.#pingTimer = setInterval(() => this.#ping(), pingIntervalMs)

    try {
      const { manager, meetingId, teamId } = this.#options
      const room = await manager.join(meetingId, teamId, this)
      if (this.#closed) {
        manager.leave(room, this)
        return
      }
      this.#room = room
    } catch (error) {
      this.#logger.error({ err: error }, 'loading the room failed')
      this.close(CloseCode.StorageFailure)
      return
    }

    const queued = this.#queue
    this.#queue = []
    this.#queuedBytes = 0
    for (const data of queued) this.#handle(data)
  }

  /** Takes one message from the socket. */
  receive(data: unknown): void {
    if (this.#closed) return
    if (!(data instanceof ArrayBuffer)) {
      this.#reject(CloseCode.MalformedMessage, 'text frame on a binary protocol')
      return
    }
    if (data.byteLength > this.#options.maxMessageBytes) {
      this.#reject(
        CloseCode.MessageTooLarge,
        `${data.byteLength} bytes, limit ${this.#options.maxMessageBytes}`,
      )
      return
    }

    const message = new Uint8Array(data)
    if (this.#room) {
      this.#handle(message)
      return
    }

    this.#queuedBytes += message.byteLength
    if (this.#queuedBytes > this.#options.maxMessageBytes * maxBacklogMessages) {
      const detail = `${this.#queuedBytes} bytes sent before the room loaded`
      this.#reject(CloseCode.MessageTooLarge, detail)
      return
    }
    this.#queue.push(message)
  }

  send(message: Uint8Array): void {
    if (this.#closed || this.#ws.readyState !== 1) return

    const backlog = this.#ws.raw?.bufferedAmount ?? 0
    if (backlog > this.#options.maxMessageBytes * maxBacklogMessages) {
      // A close frame would wait behind the unread backlog, so the socket is cut at once. That
      // frees the backlog, and the client sees an abnormal close and reconnects.
      this.#logger.warn({ backlog }, 'socket is not reading its messages; dropping it')
      this.#ws.raw?.terminate()
      this.closed()
      return
    }
    this.#ws.send(message as Uint8Array<ArrayBuffer>)
  }

  close(code: CloseCode): void {
    if (this.#closed) return
    this.#ws.close(code, closeReasons[code])
    this.closed()
  }

  /** Leaves the room; call when the socket has closed, from either side. */
  closed(): void {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#pingTimer)
    this.#queue = []
    if (this.#room) this.#options.manager.leave(this.#room, this)
  }

  #handle(data: Uint8Array): void {
    if (this.#closed || !this.#room) return
    try {
      this.#room.handleMessage(this, data)
    } catch (error) {
      if (error instanceof MalformedMessageError) {
        this.#reject(CloseCode.MalformedMessage, error.message)
      } else {
        this.#logger.error({ err: error }, 'handling a message failed')
        this.close(CloseCode.MalformedMessage)
      }
    }
  }

  #reject(code: CloseCode, detail: string): void {
    this.#logger.warn({ closeCode: code, detail }, `closing socket: ${closeReasons[code]}`)
    this.close(code)
  }

  #ping(): void {
    const raw = this.#ws.raw
    if (!raw) return
    if (!this.#alive) {
      this.#logger.info('socket missed a ping; dropping it')
      raw.terminate()
      this.closed()
      return
    }
    this.#alive = false
    raw.ping()
  }
}
