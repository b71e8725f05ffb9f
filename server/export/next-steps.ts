import type { Db } from '../storage/database'

/** A next step as the meeting record lists it. */
export interface RecordNextStep {
  text: string
  ownerName: string | null
  /** Due date as `YYYY-MM-DD`. */
  dueDate: string
  done: boolean
}

/**
 * Reads the next steps a meeting created, soonest due first. They live in their own table, not
 * in the document, so a snapshot's record shows them as they are now.
 */
export async function loadNextSteps(db: Db, meetingId: string): Promise<RecordNextStep[]> {
  const rows = await db
    .selectFrom('next_steps')
    .leftJoin('users', 'users.id', 'next_steps.owner_id')
    .select([
      'next_steps.text',
      'users.name as owner_name',
      'next_steps.due_date',
      'next_steps.done',
    ])
    .where('next_steps.meeting_id', '=', meetingId)
    .orderBy('next_steps.due_date')
    .orderBy('next_steps.created_at')
    .orderBy('next_steps.id')
    .execute()

  return rows.map((row) => ({
    text: row.text,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    done: row.done === 1,
  }))
}
