import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

import type { RoomConnection } from './connection'
import { expectEnd } from './message-errors'

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state as sent, a JSON string; `null` marks a client that left. */
  json: string
  state: unknown
}

/** Reads the entries of an awareness update; each state must be valid JSON. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    entries.push({ clientId, clock, json, state: JSON.parse(json) as unknown })
  }
  expectEnd(decoder)
  return entries
}

/** Encodes entries in the awareness update format of y-protocols. */
export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.json)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * Tells whether an awareness state names no one else: a `user` field, when present, is an
 * object whose `userId` and `name`, where given, are the connection's own.
 */
export function isOwnAwarenessState(state: unknown, conn: RoomConnection): boolean {
  if (state === null || typeof state !== 'object' || !('user' in state)) return true
  const user = state.user
  if (user === null || typeof user !== 'object') return false

  const { userId, name } = user as { userId?: unknown; name?: unknown }
  if (userId !== undefined && userId !== conn.userId) return false
  if (name !== undefined && name !== conn.userName) return false
  return true
}
