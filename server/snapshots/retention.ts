import type { Db } from '../storage/database'
import type { SnapshotKind } from './store'

/**
 * Snapshot retention. Labelled snapshots, restore points and the snapshot taken when a meeting
 * ends are kept as long as the meeting. Automatic phase-change snapshots are all kept for a day.
 * After that only the newest one per phase of each meeting is kept, so a meeting that went back
 * and forth between phases keeps one automatic snapshot per phase.
 */
export const keepEveryAutomaticSnapshotMs = 24 * 60 * 60 * 1000

export interface RetainedSnapshot {
  id: string
  meetingId: string
  kind: SnapshotKind
  phaseIndex: number
  createdAt: number
}

/** Returns the ids that the retention rule removes at time `now` (Unix ms). */
export function selectExpiredSnapshots(snapshots: RetainedSnapshot[], now: number): string[] {
  const cutoff = now - keepEveryAutomaticSnapshotMs
  const newestPerPhase = new Map<string, RetainedSnapshot>()
  const old: RetainedSnapshot[] = []

  for (const snapshot of snapshots) {
    if (snapshot.kind !== 'phase') continue
    const key = `${snapshot.meetingId}\u0000${snapshot.phaseIndex}`
    const newest = newestPerPhase.get(key)
    if (!newest || isNewer(snapshot, newest)) newestPerPhase.set(key, snapshot)
    if (snapshot.createdAt < cutoff) old.push(snapshot)
  }

  return old
    .filter((snapshot) => {
      const key = `${snapshot.meetingId}\u0000${snapshot.phaseIndex}`
      return newestPerPhase.get(key) !== snapshot
    })
    .map((snapshot) => snapshot.id)
}

/**
 * Deletes the snapshots the retention rule removes, of one meeting or of all, and returns how
 * many it deleted.
 */
export async function applySnapshotRetention(
  db: Db,
  now: number,
  meetingId?: string,
): Promise<number> {
  let query = db
    .selectFrom('snapshots')
    .select(['id', 'meeting_id', 'kind', 'phase_index', 'created_at'])
    .where('kind', '=', 'phase')
  if (meetingId) query = query.where('meeting_id', '=', meetingId)
  const rows = await query.execute()

  const expired = selectExpiredSnapshots(
    rows.map((row) => ({
      id: row.id,
      meetingId: row.meeting_id,
      kind: row.kind,
      phaseIndex: row.phase_index,
      createdAt: row.created_at,
    })),
    now,
  )
  if (expired.length === 0) return 0

  await db.deleteFrom('snapshots').where('id', 'in', expired).execute()
  return expired.length
}

function isNewer(a: RetainedSnapshot, b: RetainedSnapshot): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)
}
