import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

import { MessageType, type RoomNotice } from '../../shared/wire'
import type { RawSocket } from './yjs-client'
import { waitFor } from './yjs-client'
import { paragraph } from './notes'

/** Encodes a y-protocols sync update message carrying `update`. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Encodes sync step 1 of an empty document, asking the server for everything. */
export function encodeEmptySyncStep1(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

/** Makes a document update that writes `text` into the notes of a phase. */
export function makeNotesUpdate(text: string, phaseId = 'review'): Uint8Array {
  const doc = new Y.Doc()
  doc.getXmlFragment(`notes:${phaseId}`).insert(0, [paragraph(text)])
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

export function messageType(message: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(message))
}

/** Returns the notices among the recorded messages. */
export function notices(messages: Uint8Array[]): RoomNotice[] {
  return messages
    .filter((message) => messageType(message) === MessageType.Notice)
    .map((message) => {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      return JSON.parse(decoding.readVarString(decoder)) as RoomNotice
    })
}

/** Applies every sync step 2 and update among the messages to a fresh document. */
export function docFromMessages(messages: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) continue
    const subtype = decoding.readVarUint(decoder)
    if (subtype === syncProtocol.messageYjsSyncStep1) continue
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return doc
}

/**
 * Sends a clock ping and waits for its pong. The server handles a socket's messages in order,
 * so once the pong arrives every message sent before the ping has been handled.
 */
export async function roundTrip(ws: WebSocket, messages: Uint8Array[]): Promise<void> {
  const stamp = Math.random() * 1e9
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.ClockPing)
  encoding.writeFloat64(encoder, stamp)
  ws.send(encoding.toUint8Array(encoder))

  await waitFor(
    () =>
      messages.some((message) => {
        const decoder = decoding.createDecoder(message)
        if (decoding.readVarUint(decoder) !== MessageType.ClockPong) return false
        return decoding.readFloat64(decoder) === stamp
      }),
    5000,
    'clock pong',
  )
}

/** Waits until the raw socket received its first message, the server's sync step 1. */
export async function joined(socket: RawSocket): Promise<void> {
  await socket.opened
  await waitFor(() => socket.messages.length > 0, 5000, 'first room message')
}
