import type { Card } from '../../../shared/cards'
import { api } from '../api'

/** A snapshot as GET /api/meetings/:meetingId/snapshots lists it. */
export interface SnapshotEntry {
  id: string
  label: string
  kind: 'manual' | 'phase' | 'ended' | 'restore-point'
  createdAt: number
  /** The author's name, or "automatic". */
  author: string
  phaseIndex: number
  phaseTitle: string
}

/** One snapshot's content for the read-only view. The server escapes `notesHtml`. */
export interface SnapshotContent extends SnapshotEntry {
  actualMs: number[] | null
  phases: Array<{ id: string; title: string; notesHtml: string }>
  cards: Card[]
}

function snapshotsPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}/snapshots`
}

export function listSnapshots(meetingId: string): Promise<SnapshotEntry[]> {
  return api.get<SnapshotEntry[]>(snapshotsPath(meetingId))
}

export function saveSnapshot(meetingId: string, label: string): Promise<{ id: string }> {
  return api.post<{ id: string }>(snapshotsPath(meetingId), { label })
}

export function loadSnapshot(meetingId: string, snapshotId: string): Promise<SnapshotContent> {
  return api.get<SnapshotContent>(`${snapshotsPath(meetingId)}/${encodeURIComponent(snapshotId)}`)
}

export function restoreSnapshot(
  meetingId: string,
  snapshotId: string,
): Promise<{ restoredId: string; restorePointId: string }> {
  return api.post(`${snapshotsPath(meetingId)}/${encodeURIComponent(snapshotId)}/restore`)
}

export function reopenMeeting(meetingId: string): Promise<{ id: string; state: string }> {
  return api.post(`/api/meetings/${encodeURIComponent(meetingId)}/reopen`)
}

/** Builds the record's URL in a format, with times in the browser's time zone. */
export function exportUrl(meetingId: string, format: 'md' | 'html', snapshotId?: string): string {
  const query = new URLSearchParams({ format })
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  if (timeZone) query.set('tz', timeZone)
  if (snapshotId) query.set('snapshotId', snapshotId)
  return `/api/meetings/${encodeURIComponent(meetingId)}/export?${query.toString()}`
}

/** Formats a snapshot's time for the history list, such as "Feb 10, 3:20 PM". */
export function formatSnapshotTime(ms: number): string {
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms)
}
