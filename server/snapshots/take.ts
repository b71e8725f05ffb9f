import { encodeNotice } from '../rooms/messages'
import type { Services } from '../services'
import type { MeetingRecord } from '../teams/access'
import { readMeetingState } from './document-state'
import { readTimerPosition } from './phase'
import { insertSnapshot, type SnapshotKind } from './store'

export interface SnapshotRequest {
  kind: SnapshotKind
  label: string
  /** The user who requested it, or null for automatic snapshots. */
  authorId: string | null
  /** The phase the content belongs to; the timer's current phase when missing. */
  phaseIndex?: number
}

/**
 * Captures the meeting's current document and timer times as a snapshot, notifies the open
 * room, and returns the snapshot's id.
 */
export async function takeSnapshot(
  services: Services,
  meeting: MeetingRecord,
  request: SnapshotRequest,
): Promise<string> {
  const timer = await readTimerPosition(services, meeting)
  const state = await readMeetingState(services, meeting.id)
  const id = await insertSnapshot(services.db, {
    meetingId: meeting.id,
    kind: request.kind,
    label: request.label,
    authorId: request.authorId,
    phaseIndex: request.phaseIndex ?? timer.phaseIndex,
    actualMs: timer.actualMs,
    state,
  })

  const notice = encodeNotice({ kind: 'snapshot-saved', snapshotId: id })
  services.rooms.get(meeting.id)?.broadcast(notice)
  services.logger.info(
    {
      meetingId: meeting.id,
      userId: request.authorId,
      snapshotId: id,
      kind: request.kind,
      bytes: state.byteLength,
    },
    'snapshot taken',
  )
  return id
}
