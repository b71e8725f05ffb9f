import type { CloseCode, MemberRole } from '../../shared/wire'

/** One client's socket as the room uses it, whatever transport carries it. */
export interface RoomConnection {
  readonly userId: string
  /** The user's name; awareness states must carry it with `userId`. */
  readonly userName: string
  readonly sessionId: string
  /** Current role in the meeting's team; changes take effect on the next message. */
  role: MemberRole
  /** Awareness client ids this connection has set, removed when it leaves. */
  readonly awarenessIds: Set<number>
  send(message: Uint8Array): void
  close(code: CloseCode): void
}

/** Tells whether a role may change the meeting document. */
export function canEditDocument(role: MemberRole): boolean {
  return role === 'facilitator' || role === 'member'
}
