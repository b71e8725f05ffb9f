/**
 * The room socket's wire protocol.
 *
 * Message numbers 0 to 3 are those of y-websocket (y-protocols), so a stock `WebsocketProvider`
 * syncs a meeting. Every message starts with its number as a lib0 varUint. Numbers from 100 up
 * are PLC Room's own; a stock client never sends them and ignores them when it receives them.
 */

export const PROTOCOL_VERSION = 1

export const MessageType = {
  /** y-protocols sync: step 1, step 2 or update. */
  Sync: 0,
  /** y-protocols awareness update. */
  Awareness: 1,
  /** y-websocket auth message; the server sends a denial before closing, never receives one. */
  Auth: 2,
  /** Asks the server to send every known awareness state. */
  QueryAwareness: 3,
  /** Server to client: the meeting's timer state, as a JSON `TimerState` in a varString. */
  Timer: 100,
  /** Client to server: clock sync request carrying the client's send time (float64 ms). */
  ClockPing: 101,
  /** Server to client: the ping's client time followed by the server's time (two float64 ms). */
  ClockPong: 102,
  /** Server to client: a JSON `RoomNotice` in a varString (role change, meeting state). */
  Notice: 103,
  /** Client to server: a varUint, 1 when the sender starts drafting a card and 0 when it stops. */
  CardDraft: 104,
  /** Server to client: a JSON `CardActivity` in a varString. */
  CardActivity: 105,
} as const

export type MessageType = (typeof MessageType)[keyof typeof MessageType]

/**
 * Close codes the server sends. Codes 4400 to 4499 tell the y-websocket provider (3.x) to stop
 * reconnecting, so they are used where retrying cannot succeed.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; the client should reconnect. */
  ServiceRestart: 1012,
  /** A message could not be decoded, or its type is unknown. */
  MalformedMessage: 4400,
  /** No valid session cookie, or the session ended (signed out, expired, revoked). */
  Unauthenticated: 4401,
  /** The user is not a member of the meeting's team, or was removed from it. */
  Forbidden: 4403,
  /** The meeting does not exist. */
  MeetingNotFound: 4404,
  /** The Origin header is not one of the app's origins. */
  OriginRejected: 4405,
  /** A message was larger than the configured limit. */
  MessageTooLarge: 4413,
  /** The room failed to load or store the document. */
  StorageFailure: 4500,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Close reasons, at most 123 bytes each as the websocket protocol allows. */
export const closeReasons: Record<CloseCode, string> = {
  [CloseCode.ServiceRestart]: 'server restarting',
  [CloseCode.MalformedMessage]: 'malformed message',
  [CloseCode.Unauthenticated]: 'not signed in',
  [CloseCode.Forbidden]: 'not a member of this team',
  [CloseCode.MeetingNotFound]: 'meeting not found',
  [CloseCode.OriginRejected]: 'origin not allowed',
  [CloseCode.MessageTooLarge]: 'message too large',
  [CloseCode.StorageFailure]: 'storage failure',
}

/** Tells whether a close code means that reconnecting cannot help. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500
}

export type MemberRole = 'facilitator' | 'member' | 'observer'

/** A notice the server pushes to one socket about its own standing in the room. */
export type RoomNotice =
  | { kind: 'role'; role: MemberRole }
  | { kind: 'meeting-state'; state: 'scheduled' | 'live' | 'ended' }
  | { kind: 'restored'; snapshotId: string }
  /** A snapshot was saved (by hand, automatically or as a restore point); history lists refresh. */
  | { kind: 'snapshot-saved'; snapshotId: string }

/**
 * Card activity the server pushes to every socket of a meeting. `writing` counts the other
 * sockets drafting a card, without saying whose. `next-steps` asks the client to fetch the
 * meeting's next steps again.
 */
export type CardActivity =
  | { kind: 'writing'; count: number }
  | { kind: 'anonymity'; anonymous: boolean }
  | { kind: 'next-steps' }
