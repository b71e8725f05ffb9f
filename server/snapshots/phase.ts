import type { Services } from '../services'
import type { MeetingRecord } from '../teams/access'
import { readTimer } from '../timer/service'

/** The position of a meeting's timer: the current phase and the time run in each phase (ms). */
export interface TimerPosition {
  phaseIndex: number
  actualMs: number[]
  /** When the timer was first started, or null when it never ran. */
  startedAt: number | null
}

/** Reads the meeting's current phase and per-phase actual times from the shared timer. */
export async function readTimerPosition(
  services: Services,
  meeting: MeetingRecord,
): Promise<TimerPosition> {
  const timer = await readTimer(services, meeting)
  return { phaseIndex: timer.phaseIndex, actualMs: timer.actualMs, startedAt: timer.startedAt }
}
