import * as decoding from 'lib0/decoding'

import { MessageType } from '../../shared/wire'
import { canEditDocument, type RoomConnection } from '../rooms/connection'
import { MalformedMessageError, type Room, type RoomExtension } from '../rooms/room'
import type { Services } from '../services'
import { encodeCardActivity } from './activity'
import { readCardSettings } from './settings'

/**
 * A socket that said it started drafting and then went quiet stops counting after this long.
 * Clients repeat the start message while their author keeps typing.
 */
export const draftExpiryMs = 30_000

/**
 * Creates the room extension for card drafting: it counts the sockets drafting a card and sends
 * every socket the number of others writing, never which ones. It also sends the meeting's
 * anonymity setting to each socket that joins.
 */
export function cardsExtension(services: Services): RoomExtension {
  const drafting = new Map<RoomConnection, NodeJS.Timeout>()

  function announceWriting(room: Room): void {
    for (const conn of room.connections) {
      const count = drafting.size - (drafting.has(conn) ? 1 : 0)
      conn.send(encodeCardActivity({ kind: 'writing', count }))
    }
  }

  function stopDrafting(room: Room, conn: RoomConnection): void {
    const timer = drafting.get(conn)
    if (timer === undefined) return
    clearTimeout(timer)
    drafting.delete(conn)
    announceWriting(room)
  }

  function startDrafting(room: Room, conn: RoomConnection): void {
    const wasDrafting = drafting.has(conn)
    clearTimeout(drafting.get(conn))
    const timer = setTimeout(() => stopDrafting(room, conn), draftExpiryMs)
    timer.unref()
    drafting.set(conn, timer)
    if (!wasDrafting) announceWriting(room)
  }

  return {
    onMessage(room, conn, type, decoder) {
      if (type !== MessageType.CardDraft) return false

      let state: number
      try {
        state = decoding.readVarUint(decoder)
      } catch {
        throw new MalformedMessageError('card draft message without its state')
      }
      if (decoding.hasContent(decoder) || (state !== 0 && state !== 1)) {
        throw new MalformedMessageError('card draft state must be one varUint, 0 or 1')
      }

      // Observers and ended meetings take no cards, so their drafts count for nothing.
      if (state === 1 && canEditDocument(conn.role) && !room.readOnly) startDrafting(room, conn)
      else stopDrafting(room, conn)
      return true
    },

    onConnect(room, conn) {
      const others = drafting.size
      if (others > 0) conn.send(encodeCardActivity({ kind: 'writing', count: others }))

      readCardSettings(services.db, room.meetingId).then(
        (settings) => {
          if (!room.connections.has(conn)) return
          conn.send(encodeCardActivity({ kind: 'anonymity', anonymous: settings.anonymous }))
        },
        (error: unknown) => {
          room.logger.error({ err: error, userId: conn.userId }, 'reading card settings failed')
        },
      )
    },

    onDisconnect(room, conn) {
      stopDrafting(room, conn)
    },

    onUnload() {
      for (const timer of drafting.values()) clearTimeout(timer)
      drafting.clear()
    },
  }
}
