import type { Context } from 'hono'
import type * as Y from 'yjs'

import type { MemberRole } from '../../shared/wire'
import type { AppEnv } from '../http/env'
import { fail } from '../http/errors'
import type { Services } from '../services'
import { requireMeetingRole, type MeetingRecord } from '../teams/access'

/**
 * Like `requireMeetingRole`, and fails with 409 once the meeting has ended, because an ended
 * meeting's cards and next steps are a record that no longer changes.
 */
export async function requireOpenMeeting(
  c: Context<AppEnv>,
  meetingId: string,
  minimum: MemberRole,
) {
  const access = await requireMeetingRole(c, meetingId, minimum)
  if (access.meeting.state === 'ended') {
    fail(409, 'this meeting has ended and its cards are read-only; a facilitator can reopen it')
  }
  return access
}

/**
 * Runs `change` on the meeting's live document, loading the room when no client has it open, and
 * resolves once the change is stored and relayed to every client.
 */
export function changeMeetingDocument<T>(
  services: Services,
  meeting: Pick<MeetingRecord, 'id' | 'teamId'>,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  return services.rooms.changeRoom(meeting.id, meeting.teamId, (room) => change(room.doc))
}
