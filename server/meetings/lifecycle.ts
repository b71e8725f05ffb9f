import { encodeNotice } from '../rooms/messages'
import type { RoomExtension } from '../rooms/room'
import type { Services } from '../services'
import type { MeetingTable } from '../storage/schema'

export type MeetingState = MeetingTable['state']

/**
 * Moves a meeting to a lifecycle state: stores it, makes its open room read-only when ended,
 * tells every socket, and emits 'state-changed'.
 */
export async function setMeetingState(
  services: Services,
  meetingId: string,
  state: MeetingState,
  userId: string,
): Promise<void> {
  await services.db.updateTable('meetings').set({ state }).where('id', '=', meetingId).execute()

  const room = services.rooms.get(meetingId)
  if (room) {
    room.readOnly = state === 'ended'
    room.broadcast(encodeNotice({ kind: 'meeting-state', state }))
  }
  services.logger.info({ meetingId, userId, state }, 'meeting state changed')
  services.events.emit('state-changed', { meetingId, state, userId })
}

/** Makes the room of an ended meeting read-only from the moment it loads. */
export function lifecycleExtension(services: Services): RoomExtension {
  return {
    async onLoad(room) {
      const row = await services.db
        .selectFrom('meetings')
        .select('state')
        .where('id', '=', room.meetingId)
        .executeTakeFirst()
      room.readOnly = row?.state === 'ended'
    },
    onConnect(room, conn) {
      if (room.readOnly) conn.send(encodeNotice({ kind: 'meeting-state', state: 'ended' }))
    },
  }
}
