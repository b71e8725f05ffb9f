import type { NextStep } from '../../shared/cards'
import type { Db } from '../storage/database'
import type { NextStepTable } from '../storage/schema'

/** A stored next step with the creation time of the meeting it came from. */
export interface StoredNextStep extends NextStep {
  doneMeetingId: string | null
  meetingCreatedAt: number
}

export type NewNextStep = Pick<
  NextStepTable,
  'id' | 'team_id' | 'meeting_id' | 'card_id' | 'text' | 'owner_id' | 'due_date' | 'created_by'
>

export type NextStepChanges = Partial<
  Pick<
    NextStepTable,
    'text' | 'owner_id' | 'due_date' | 'done' | 'done_at' | 'done_by' | 'done_meeting_id'
  >
>

function selectSteps(db: Db) {
  return db
    .selectFrom('next_steps')
    .innerJoin('meetings', 'meetings.id', 'next_steps.meeting_id')
    .leftJoin('users', 'users.id', 'next_steps.owner_id')
    .select([
      'next_steps.id',
      'next_steps.team_id',
      'next_steps.meeting_id',
      'next_steps.card_id',
      'next_steps.text',
      'next_steps.owner_id',
      'next_steps.due_date',
      'next_steps.done',
      'next_steps.done_at',
      'next_steps.done_meeting_id',
      'next_steps.created_by',
      'next_steps.created_at',
      'meetings.title as meeting_title',
      'meetings.created_at as meeting_created_at',
      'users.name as owner_name',
    ])
}

type StepRow = Awaited<ReturnType<ReturnType<typeof selectSteps>['executeTakeFirstOrThrow']>>

function toStep(row: StepRow, viewingMeetingId: string | null): StoredNextStep {
  return {
    id: row.id,
    teamId: row.team_id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    cardId: row.card_id,
    text: row.text,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    done: row.done === 1,
    doneAt: row.done_at,
    createdAt: row.created_at,
    carried: viewingMeetingId !== null && row.meeting_id !== viewingMeetingId,
    doneMeetingId: row.done_meeting_id,
    createdBy: row.created_by,
    meetingCreatedAt: row.meeting_created_at,
  }
}

/** Strips the storage-only fields before a step goes out over the API. */
export function publicStep(step: StoredNextStep): NextStep {
  const { doneMeetingId: _done, meetingCreatedAt: _created, ...rest } = step
  return rest
}

export async function insertNextStep(db: Db, step: NewNextStep): Promise<void> {
  const now = Date.now()
  await db
    .insertInto('next_steps')
    .values({ ...step, done: 0, created_at: now, updated_at: now })
    .execute()
}

export async function findNextStep(
  db: Db,
  stepId: string,
  viewingMeetingId: string | null = null,
): Promise<StoredNextStep | null> {
  const row = await selectSteps(db).where('next_steps.id', '=', stepId).executeTakeFirst()
  return row ? toStep(row, viewingMeetingId) : null
}

export async function updateNextStep(db: Db, stepId: string, changes: NextStepChanges) {
  await db
    .updateTable('next_steps')
    .set({ ...changes, updated_at: Date.now() })
    .where('id', '=', stepId)
    .execute()
}

export async function deleteNextStep(db: Db, stepId: string): Promise<void> {
  await db.deleteFrom('next_steps').where('id', '=', stepId).execute()
}

/**
 * Lists what a meeting shows: its own steps, open steps from the team's earlier meetings, and
 * steps from earlier meetings that were ticked off in this one, so they stay in view as done.
 */
export async function listMeetingNextSteps(
  db: Db,
  meeting: { id: string; teamId: string; createdAt: number },
): Promise<StoredNextStep[]> {
  const rows = await selectSteps(db)
    .where('next_steps.team_id', '=', meeting.teamId)
    .where((eb) =>
      eb.or([
        eb('next_steps.meeting_id', '=', meeting.id),
        eb.and([
          eb('meetings.created_at', '<', meeting.createdAt),
          eb.or([eb('next_steps.done', '=', 0), eb('next_steps.done_meeting_id', '=', meeting.id)]),
        ]),
      ]),
    )
    .orderBy('next_steps.due_date')
    .orderBy('next_steps.created_at')
    .execute()
  return rows.map((row) => toStep(row, meeting.id))
}

/** Tells whether a meeting's list (see `listMeetingNextSteps`) contains the step. */
export function isShownIn(
  step: StoredNextStep,
  meeting: { id: string; teamId: string; createdAt: number },
): boolean {
  if (step.teamId !== meeting.teamId) return false
  if (step.meetingId === meeting.id) return true
  const carried = step.meetingCreatedAt < meeting.createdAt
  return carried && (!step.done || step.doneMeetingId === meeting.id)
}

/** Lists a team's steps across meetings, soonest due first; only open ones unless `all`. */
export async function listTeamNextSteps(
  db: Db,
  teamId: string,
  all: boolean,
): Promise<StoredNextStep[]> {
  let query = selectSteps(db).where('next_steps.team_id', '=', teamId)
  if (!all) query = query.where('next_steps.done', '=', 0)
  const rows = await query
    .orderBy('next_steps.done')
    .orderBy('next_steps.due_date')
    .orderBy('next_steps.created_at')
    .execute()
  return rows.map((row) => toStep(row, null))
}
