import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { generateIdFromEntropySize } from 'lucia'

import type { Db } from '../storage/database'
import type { SnapshotTable } from '../storage/schema'

export type SnapshotKind = SnapshotTable['kind']

const deflate = promisify(zlib.deflateRaw)
const inflate = promisify(zlib.inflateRaw)

/** A snapshot as listed, without its document state. */
export interface SnapshotSummary {
  id: string
  meetingId: string
  kind: SnapshotKind
  label: string
  authorId: string | null
  /** The author's name; null for automatic snapshots or an author who left the service. */
  authorName: string | null
  phaseIndex: number
  /** Time the timer had run in each phase (ms) when the snapshot was taken, if known. */
  actualMs: number[] | null
  createdAt: number
}

export interface NewSnapshot {
  meetingId: string
  kind: SnapshotKind
  label: string
  authorId: string | null
  phaseIndex: number
  actualMs: number[] | null
  /** The document as one Yjs update, uncompressed. */
  state: Uint8Array
  /** Creation time in Unix ms; now when missing. */
  createdAt?: number
}

/** Stores a snapshot, compressing its state, and returns its id. */
export async function insertSnapshot(db: Db, snapshot: NewSnapshot): Promise<string> {
  const id = generateIdFromEntropySize(10)
  const compressed = await deflate(snapshot.state)
  await db
    .insertInto('snapshots')
    .values({
      id,
      meeting_id: snapshot.meetingId,
      kind: snapshot.kind,
      label: snapshot.label,
      author_id: snapshot.authorId,
      phase_index: snapshot.phaseIndex,
      actual_ms_json: snapshot.actualMs ? JSON.stringify(snapshot.actualMs) : null,
      state: compressed,
      created_at: snapshot.createdAt ?? Date.now(),
    })
    .execute()
  return id
}

/** Counts a meeting's snapshots of one kind. */
export async function countSnapshots(
  db: Db,
  meetingId: string,
  kind: SnapshotKind,
): Promise<number> {
  const row = await db
    .selectFrom('snapshots')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Lists a meeting's snapshots, newest first. */
export async function listSnapshots(db: Db, meetingId: string): Promise<SnapshotSummary[]> {
  const rows = await db
    .selectFrom('snapshots')
    .leftJoin('users', 'users.id', 'snapshots.author_id')
    .select([
      'snapshots.id',
      'snapshots.meeting_id',
      'snapshots.kind',
      'snapshots.label',
      'snapshots.author_id',
      'users.name as author_name',
      'snapshots.phase_index',
      'snapshots.actual_ms_json',
      'snapshots.created_at',
    ])
    .where('snapshots.meeting_id', '=', meetingId)
    .orderBy('snapshots.created_at', 'desc')
    .orderBy('snapshots.id')
    .execute()

  return rows.map((row) => ({
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.kind,
    label: row.label,
    authorId: row.author_id,
    authorName: row.author_name,
    phaseIndex: row.phase_index,
    actualMs: parseActualMs(row.actual_ms_json),
    createdAt: row.created_at,
  }))
}

/** Finds one snapshot of a meeting with its uncompressed state, or null. */
export async function findSnapshot(
  db: Db,
  meetingId: string,
  snapshotId: string,
): Promise<(SnapshotSummary & { state: Uint8Array }) | null> {
  const row = await db
    .selectFrom('snapshots')
    .leftJoin('users', 'users.id', 'snapshots.author_id')
    .selectAll('snapshots')
    .select('users.name as author_name')
    .where('snapshots.meeting_id', '=', meetingId)
    .where('snapshots.id', '=', snapshotId)
    .executeTakeFirst()
  if (!row) return null

  return {
    id: row.id,
    meetingId: row.meeting_id,
    kind: row.kind,
    label: row.label,
    authorId: row.author_id,
    authorName: row.author_name,
    phaseIndex: row.phase_index,
    actualMs: parseActualMs(row.actual_ms_json),
    createdAt: row.created_at,
    state: new Uint8Array(await inflate(row.state)),
  }
}

function parseActualMs(json: string | null): number[] | null {
  if (json === null) return null
  const parsed: unknown = JSON.parse(json)
  return Array.isArray(parsed) && parsed.every((value) => typeof value === 'number') ? parsed : null
}
