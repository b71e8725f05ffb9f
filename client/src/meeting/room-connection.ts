import * as decoding from 'lib0/decoding'
import { createSignal, getOwner, onCleanup, type Accessor } from 'solid-js'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

import {
  CloseCode,
  closeReasons,
  isFinalCloseCode,
  MessageType,
  type MemberRole,
  type RoomNotice,
} from '../../../shared/wire'
import type { MeetingState } from '../types'
import { forgetUnsentEdits, restoreUnsentEdits, saveUnsentEdits } from './unsent-edits'

/**
 * The room socket's state as the user sees it. It is `connecting` until the first sync and
 * `live` while synced with the server. It is `reconnecting` after a live socket dropped,
 * `offline` while the browser has no network, and `closed` once the server ended it for good.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'closed'

/** The user's identity in the room's awareness, shown to the others in the meeting. */
export interface RoomUser {
  userId: string
  name: string
  /** A `#rrggbb` color, the only format the collaboration carets accept. */
  color: string
}

/** The server's final close of the socket, with a message for the user. */
export interface FinalClose {
  code: number
  message: string
}

export interface RoomConnectionOptions {
  meetingId: string
  user: RoomUser
  /** The role the meeting API reported; role notices from the room replace it. */
  role: MemberRole
  /** The state the meeting API reported; meeting-state notices from the room replace it. */
  meetingState: MeetingState
  /** The rooms endpoint; defaults to `/rooms` on the page's own host. */
  serverUrl?: string
}

export type MessageHandler = (decoder: decoding.Decoder) => void

export interface RoomConnection {
  doc: Y.Doc
  provider: WebsocketProvider
  awareness: awarenessProtocol.Awareness
  user: RoomUser
  status: Accessor<ConnectionStatus>
  finalClose: Accessor<FinalClose | undefined>
  role: Accessor<MemberRole>
  meetingState: Accessor<MeetingState>
  /**
   * Whether this user may change the document now: not an observer, not an ended meeting, not
   * removed from the team. A lost connection or an ended session keeps the notes editable,
   * because the document keeps what is typed and sends it once connected again.
   */
  canEdit: Accessor<boolean>
  /**
   * Registers the handler of a custom message number (see `MessageType`); the decoder is
   * positioned after the number. Returns a function that removes the handler again.
   */
  onMessage(type: number, handler: MessageHandler): () => void
  /** Calls `handler` with every notice the server sends, after the role and state are applied. */
  onNotice(handler: (notice: RoomNotice) => void): () => void
  /**
   * Clears a final close and connects again, such as after signing in anew. The document keeps
   * what was typed meanwhile and syncs it with the server.
   */
  reconnect(): void
  /** Sends an encoded message when the socket is open; returns whether it was sent. */
  send(message: Uint8Array): boolean
  destroy(): void
}

/** Tells the user why the server closed the room for good. */
export function finalCloseMessage(code: number): string {
  switch (code) {
    case CloseCode.Unauthenticated:
      return 'You were signed out. Sign in again to keep editing.'
    case CloseCode.Forbidden:
      return 'You are no longer a member of this team.'
    case CloseCode.MeetingNotFound:
      return 'This meeting was not found. It may have been deleted.'
  }
  const reason = closeReasons[code as CloseCode] ?? `close code ${code}`
  return `The server closed the connection (${reason}). Reload the page to try again.`
}

/** Returns the `/rooms` endpoint on the page's host, over wss when the page came over https. */
export function defaultRoomsUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/rooms`
}

/**
 * Connects to a meeting's room: a Y.Doc synced by a y-websocket provider, with the connection
 * status, the user's role and the meeting state as signals. Inside a component or root, it is
 * destroyed when that owner is cleaned up.
 */
export function createRoomConnection(options: RoomConnectionOptions): RoomConnection {
  const doc = new Y.Doc()
  // Edits kept when the session ended on an earlier visit are sent with the first sync.
  restoreUnsentEdits(options.meetingId, options.user.userId, doc)
  const serverUrl = options.serverUrl ?? defaultRoomsUrl()
  const provider = new WebsocketProvider(serverUrl, options.meetingId, doc, {
    // Tabs would otherwise sync each other over BroadcastChannel, so a tab could look current
    // while the server has refused or never received its changes.
    disableBc: true,
  })
  const awareness = provider.awareness
  awareness.setLocalStateField('user', options.user)

  const [synced, setSynced] = createSignal(false)
  const [wasLive, setWasLive] = createSignal(false)
  const [online, setOnline] = createSignal(navigator.onLine)
  const [finalClose, setFinalClose] = createSignal<FinalClose>()
  const [role, setRole] = createSignal<MemberRole>(options.role)
  const [meetingState, setMeetingState] = createSignal<MeetingState>(options.meetingState)
  const noticeHandlers = new Set<(notice: RoomNotice) => void>()

  const status = (): ConnectionStatus => {
    if (finalClose()) return 'closed'
    if (!online()) return 'offline'
    if (synced()) return 'live'
    return wasLive() ? 'reconnecting' : 'connecting'
  }

  provider.on('sync', (isSynced: boolean) => {
    setSynced(isSynced)
    if (isSynced) setWasLive(true)
    if (isSynced) forgetUnsentEdits(options.meetingId, options.user.userId)
  })
  provider.on('closed', (event: { code: number; reason: string }) => {
    if (!isFinalCloseCode(event.code)) return
    if (event.code === CloseCode.Unauthenticated) {
      saveUnsentEdits(options.meetingId, options.user.userId, doc)
    }
    setFinalClose({ code: event.code, message: finalCloseMessage(event.code) })
  })
  // Typing goes on after the session ended; each change is kept so that it survives leaving
  // the page for the sign-in page.
  doc.on('update', () => {
    if (finalClose()?.code === CloseCode.Unauthenticated) {
      saveUnsentEdits(options.meetingId, options.user.userId, doc)
    }
  })

  function handleOnline() {
    setOnline(true)
    // The provider may be waiting out a long backoff; try again now that the network is back.
    if (!provider.wsconnected && !finalClose()) provider.connect()
  }
  const handleOffline = () => setOnline(false)
  // Others see this user leave at once instead of after the awareness timeout.
  const handlePageHide = () =>
    awarenessProtocol.removeAwarenessStates(awareness, [doc.clientID], 'page hidden')
  // A page restored from the back-forward cache shows the user again.
  const handlePageShow = (event: PageTransitionEvent) => {
    if (event.persisted && awareness.getLocalState() === null) {
      awareness.setLocalStateField('user', options.user)
    }
  }
  window.addEventListener('online', handleOnline)
  window.addEventListener('offline', handleOffline)
  window.addEventListener('pagehide', handlePageHide)
  window.addEventListener('pageshow', handlePageShow)

  function onMessage(type: number, handler: MessageHandler): () => void {
    if (type < 100) {
      throw new Error(`room-connection: message ${type} belongs to y-websocket; use 100 or more`)
    }
    const entry: WebsocketProvider['messageHandlers'][number] = (_encoder, decoder) =>
      handler(decoder)
    provider.messageHandlers[type] = entry
    return () => {
      if (provider.messageHandlers[type] === entry) provider.messageHandlers[type] = ignoreMessage
    }
  }

  // Server messages without a handler yet are skipped, so the provider does not log an error.
  for (const type of Object.values(MessageType)) {
    if (type >= 100 && !provider.messageHandlers[type]) {
      provider.messageHandlers[type] = ignoreMessage
    }
  }

  onMessage(MessageType.Notice, (decoder) => {
    let notice: RoomNotice
    try {
      notice = JSON.parse(decoding.readVarString(decoder)) as RoomNotice
    } catch {
      return
    }
    if (notice.kind === 'role') setRole(notice.role)
    if (notice.kind === 'meeting-state') setMeetingState(notice.state)
    for (const handler of noticeHandlers) handler(notice)
  })

  let destroyed = false
  const connection: RoomConnection = {
    doc,
    provider,
    awareness,
    user: options.user,
    status,
    finalClose,
    role,
    meetingState,
    canEdit: () =>
      role() !== 'observer' && meetingState() !== 'ended' && !closedForEditing(finalClose()),
    onMessage,
    onNotice(handler) {
      noticeHandlers.add(handler)
      return () => noticeHandlers.delete(handler)
    },
    reconnect() {
      if (destroyed) return
      setFinalClose(undefined)
      provider.connect()
    },
    send(message) {
      const ws = provider.ws
      if (!ws || ws.readyState !== WebSocket.OPEN) return false
      ws.send(message)
      return true
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      window.removeEventListener('online', handleOnline)
      window.removeEventListener('offline', handleOffline)
      window.removeEventListener('pagehide', handlePageHide)
      window.removeEventListener('pageshow', handlePageShow)
      noticeHandlers.clear()
      provider.destroy()
      // The awareness keeps an interval running until it is destroyed itself.
      awareness.destroy()
      doc.destroy()
    },
  }

  if (getOwner()) onCleanup(() => connection.destroy())
  return connection
}

/** Tells whether the close ends editing for good: a removed member or a deleted meeting. */
function closedForEditing(close: FinalClose | undefined): boolean {
  return close?.code === CloseCode.Forbidden || close?.code === CloseCode.MeetingNotFound
}

const ignoreMessage: WebsocketProvider['messageHandlers'][number] = () => {}
