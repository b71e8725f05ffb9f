import type { Context } from 'hono'
import type { User } from 'lucia'

import type { MemberRole } from '../../shared/wire'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import { encodeNotice } from '../rooms/messages'
import type { RoomExtension } from '../rooms/room'
import type { Services } from '../services'
import type { MeetingTable } from '../storage/schema'
import { requireMeetingRole, type MeetingRecord } from '../teams/access'

export type MeetingState = MeetingTable['state']

/** The error message for any change to an ended meeting. */
export const endedMeetingMessage =
  'this meeting has ended and is read-only; a facilitator can reopen it'

/**
 * Moves a meeting to a lifecycle state: stores it, makes its open room read-only when ended,
 * sends a notice to every socket, and emits 'state-changed'.
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

/** Tells whether a meeting in this state accepts changes to its notes, cards and next steps. */
export function isMeetingWritable(meeting: Pick<MeetingRecord, 'state'>): boolean {
  return meeting.state !== 'ended'
}

/**
 * Like `requireMeetingRole` (default minimum: member), and fails with 409 when the meeting has
 * ended. Routes that change a meeting's notes, cards or next steps call this.
 */
export async function requireWritableMeeting(
  c: Context<AppEnv>,
  meetingId: string,
  minimum: MemberRole = 'member',
): Promise<{ user: User; role: MemberRole; meeting: MeetingRecord }> {
  const access = await requireMeetingRole(c, meetingId, minimum)
  if (!isMeetingWritable(access.meeting)) fail(409, endedMeetingMessage)
  return access
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
