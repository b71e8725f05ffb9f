import * as Y from 'yjs'

import type { MeetingRecord } from '../teams/access'
import { encodeNotice } from '../rooms/messages'
import { serverOrigin } from '../rooms/room'
import type { Services } from '../services'
import { docFromState } from './document-state'
import { readTimerPosition } from './phase'
import { replaceContent } from './replace-content'
import { insertSnapshot } from './store'

export interface RestoreResult {
  /** The snapshot holding the state just before the restore, so the restore can be undone. */
  restorePointId: string
}

/**
 * Restores a snapshot's notes and cards into the meeting's live document, and stores the state
 * just before as a 'restore-point' snapshot. That state is captured in the same synchronous step
 * as the change, so no edit can fall between the two. Every open socket gets a 'restored' notice
 * once the change is stored and relayed.
 */
export async function restoreSnapshot(
  services: Services,
  meeting: MeetingRecord,
  snapshot: { id: string; label: string; state: Uint8Array },
  userId: string,
): Promise<RestoreResult> {
  const timer = await readTimerPosition(services, meeting)
  const source = docFromState(snapshot.state)
  let before: Uint8Array
  try {
    before = await services.rooms.changeRoom(meeting.id, meeting.teamId, (room) => {
      const state = Y.encodeStateAsUpdate(room.doc)
      replaceContent(
        room.doc,
        source,
        meeting.phases.map((phase) => phase.id),
        serverOrigin,
      )
      return state
    })
  } finally {
    source.destroy()
  }

  const restorePointId = await insertSnapshot(services.db, {
    meetingId: meeting.id,
    kind: 'restore-point',
    label: `Before restoring "${snapshot.label}"`,
    authorId: userId,
    phaseIndex: timer.phaseIndex,
    actualMs: timer.actualMs,
    state: before,
  })

  const room = services.rooms.get(meeting.id)
  room?.broadcast(encodeNotice({ kind: 'snapshot-saved', snapshotId: restorePointId }))
  room?.broadcast(encodeNotice({ kind: 'restored', snapshotId: snapshot.id }))
  services.logger.info(
    { meetingId: meeting.id, userId, snapshotId: snapshot.id, restorePointId },
    'snapshot restored',
  )
  return { restorePointId }
}
