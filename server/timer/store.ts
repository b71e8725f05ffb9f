import { initialTimer, timerStatuses, type TimerModel } from '../../shared/timer'
import type { Db } from '../storage/database'

/**
 * Reads a meeting's stored timer, or a fresh one when it was never started. A stored state
 * whose phase count no longer matches `plannedMs` is brought back in range.
 */
export async function loadTimer(
  db: Db,
  meetingId: string,
  plannedMs: readonly number[],
): Promise<TimerModel> {
  const row = await db
    .selectFrom('meeting_timers')
    .select('state_json')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  if (!row) return initialTimer(plannedMs)

  return normalize(JSON.parse(row.state_json) as TimerModel, plannedMs)
}

/** Stores a meeting's timer, replacing the previous state. */
export async function saveTimer(
  db: Db,
  meetingId: string,
  state: TimerModel,
  userId: string | null,
): Promise<void> {
  const values = {
    state_json: JSON.stringify(state),
    updated_by: userId,
    updated_at: Date.now(),
  }
  await db
    .insertInto('meeting_timers')
    .values({ meeting_id: meetingId, ...values })
    .onConflict((conflict) => conflict.column('meeting_id').doUpdateSet(values))
    .execute()
}

function normalize(state: TimerModel, plannedMs: readonly number[]): TimerModel {
  if (!timerStatuses.includes(state.status)) return initialTimer(plannedMs)

  const last = Math.max(0, plannedMs.length - 1)
  const actualMs = plannedMs.map((_, index) => state.actualMs?.[index] ?? 0)
  return { ...state, phaseIndex: Math.min(Math.max(0, state.phaseIndex), last), actualMs }
}
