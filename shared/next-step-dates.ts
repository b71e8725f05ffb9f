// Kept apart from cards.ts, which imports Yjs, so that pages without the meeting document (the
// team page) can use these without carrying Yjs in their bundle.
import type { NextStep } from './cards'

/** Formats a date as `YYYY-MM-DD` in the local time zone of the caller. */
export function localDateString(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Tells whether an open step's due date is before `today` (both `YYYY-MM-DD`). */
export function isOverdue(step: Pick<NextStep, 'done' | 'dueDate'>, today: string): boolean {
  return !step.done && step.dueDate < today
}
