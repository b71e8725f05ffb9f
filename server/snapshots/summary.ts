import type { MeetingRecord } from '../teams/access'
import type { SnapshotSummary } from './store'

/** A snapshot as the API lists it. */
export interface SnapshotListing {
  id: string
  label: string
  kind: SnapshotSummary['kind']
  createdAt: number
  /** The author's name, "automatic" for automatic snapshots, "former member" when deleted. */
  author: string
  authorId: string | null
  phaseIndex: number
  phaseTitle: string
}

/** Returns who made a snapshot, as the history and the record show it. */
export function snapshotAuthor(snapshot: SnapshotSummary): string {
  if (snapshot.kind === 'phase' || snapshot.kind === 'ended') return 'automatic'
  return snapshot.authorName ?? 'former member'
}

export function toListing(snapshot: SnapshotSummary, meeting: MeetingRecord): SnapshotListing {
  return {
    id: snapshot.id,
    label: snapshot.label,
    kind: snapshot.kind,
    createdAt: snapshot.createdAt,
    author: snapshotAuthor(snapshot),
    authorId: snapshot.authorId,
    phaseIndex: snapshot.phaseIndex,
    phaseTitle: meeting.phases[snapshot.phaseIndex]?.title ?? '',
  }
}
