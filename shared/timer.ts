/**
 * The meeting timer as a pure state machine. The server stores a `TimerModel` per meeting and
 * applies actions to it; clients receive a `TimerState` view.
 *
 * A running phase is an end time on the server's clock, never a count of ticks, so a restart or
 * a late joiner computes the same remaining time from it. All times are Unix milliseconds on
 * the server's clock.
 */

export const timerStatuses = ['idle', 'running', 'paused', 'ended'] as const

export type TimerStatus = (typeof timerStatuses)[number]

export const timerActionNames = [
  'start',
  'pause',
  'resume',
  'next',
  'previous',
  'goto',
  'extend',
  'reset',
  'end',
] as const

export type TimerActionName = (typeof timerActionNames)[number]

export type TimerAction =
  | { action: 'start' | 'pause' | 'resume' | 'next' | 'previous' | 'reset' | 'end' }
  | { action: 'goto'; phaseIndex: number }
  | { action: 'extend'; seconds: number }

/** Largest change one `extend` may make, in seconds either way. */
export const maxExtendSeconds = 3 * 60 * 60

/** The stored state of one meeting's timer. */
export interface TimerModel {
  phaseIndex: number
  status: TimerStatus
  /** While running: when the current phase reaches zero. Null otherwise. */
  endsAt: number | null
  /** While not running: time left in the current phase, negative in overtime. */
  remainingMs: number
  /** Time the timer ran in each phase, without the stretch running now. */
  actualMs: number[]
  /** While running: when the current stretch began. Null otherwise. */
  runningSince: number | null
  /** When the timer was first started, or null before that. */
  startedAt: number | null
  /** When the meeting was ended, or null. */
  endedAt: number | null
  /** Grows by one with every change, so a client can drop a state older than the one it has. */
  revision: number
}

/** The timer as the server sends it: over the socket (message `Timer`) and over HTTP. */
export interface TimerState {
  phaseIndex: number
  status: TimerStatus
  /** Time left in the current phase at `serverNow`; negative in overtime. */
  remainingMs: number
  /** The server's clock when this state was sent. */
  serverNow: number
  /** While running: when the current phase reaches zero, on the server's clock. */
  endsAt: number | null
  phaseCount: number
  /** Planned length of each phase. */
  plannedMs: number[]
  /** Time spent in each phase up to `serverNow`, the running stretch included. */
  actualMs: number[]
  startedAt: number | null
  endedAt: number | null
  revision: number
}

export type TimerResult = { ok: true; state: TimerModel } | { ok: false; error: string }

/** Creates a timer at the first phase, not started, with that phase's full time. */
export function initialTimer(plannedMs: readonly number[]): TimerModel {
  return {
    phaseIndex: 0,
    status: 'idle',
    endsAt: null,
    remainingMs: plannedMs[0] ?? 0,
    actualMs: plannedMs.map(() => 0),
    runningSince: null,
    startedAt: null,
    endedAt: null,
    revision: 0,
  }
}

/**
 * Turns the timer of a meeting that was ended and then reopened into a paused one, where it
 * stopped, so the facilitator can resume, move on or reset it.
 */
export function reopenTimer(state: TimerModel): TimerModel {
  if (state.status !== 'ended') return state
  return { ...state, status: 'paused', endedAt: null, revision: state.revision + 1 }
}

/** Time left in the current phase at `now`; negative in overtime. */
export function remainingAt(state: TimerModel, now: number): number {
  if (state.status === 'running' && state.endsAt !== null) return state.endsAt - now
  return state.remainingMs
}

/** Time spent in each phase up to `now`, including the stretch running now. */
export function actualAt(state: TimerModel, now: number): number[] {
  const actual = [...state.actualMs]
  if (state.status === 'running' && state.runningSince !== null) {
    actual[state.phaseIndex] += Math.max(0, now - state.runningSince)
  }
  return actual
}

/** Builds the view of `state` that clients receive, at server time `now`. */
export function timerView(
  state: TimerModel,
  plannedMs: readonly number[],
  now: number,
): TimerState {
  return {
    phaseIndex: state.phaseIndex,
    status: state.status,
    remainingMs: remainingAt(state, now),
    serverNow: now,
    endsAt: state.status === 'running' ? state.endsAt : null,
    phaseCount: plannedMs.length,
    plannedMs: [...plannedMs],
    actualMs: actualAt(state, now),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    revision: state.revision,
  }
}

/**
 * Time left at `serverNow` as a client computes it from a view: from the end time while
 * running, so only the client's estimate of the server clock matters, not the message's age.
 */
export function remainingFromView(view: TimerState, serverNow: number): number {
  if (view.status === 'running' && view.endsAt !== null) return view.endsAt - serverNow
  return view.remainingMs
}

/**
 * Applies one facilitator action at server time `now`. Returns the new state, or an error that
 * explains why the action does not apply. The input state is not modified.
 */
export function applyTimerAction(
  state: TimerModel,
  action: TimerAction,
  plannedMs: readonly number[],
  now: number,
): TimerResult {
  if (plannedMs.length === 0) return failure('the meeting has no phases')
  if (state.status === 'ended') return failure('the meeting has ended; the timer cannot change')

  const next = transition(state, action, plannedMs, now)
  if (typeof next === 'string') return failure(next)
  return { ok: true, state: { ...next, revision: state.revision + 1 } }
}

function transition(
  state: TimerModel,
  action: TimerAction,
  plannedMs: readonly number[],
  now: number,
): TimerModel | string {
  const last = plannedMs.length - 1

  switch (action.action) {
    case 'start':
      if (state.status !== 'idle') return `cannot start: the timer is already ${state.status}`
      return run({ ...state, startedAt: state.startedAt ?? now }, now)

    case 'pause':
      if (state.status !== 'running') return `cannot pause: the timer is ${state.status}`
      return { ...stop(state, now), status: 'paused' }

    case 'resume':
      if (state.status !== 'paused') return `cannot resume: the timer is ${state.status}`
      return run(state, now)

    case 'next':
      if (state.phaseIndex >= last) return 'cannot go to the next phase: this is the last phase'
      return moveTo(state, state.phaseIndex + 1, plannedMs, now)

    case 'previous':
      if (state.phaseIndex <= 0) return 'cannot go to the previous phase: this is the first phase'
      return moveTo(state, state.phaseIndex - 1, plannedMs, now)

    case 'goto': {
      const target = action.phaseIndex
      if (!Number.isInteger(target) || target < 0 || target > last) {
        return `phaseIndex must be an integer from 0 to ${last}, got ${target}`
      }
      return moveTo(state, target, plannedMs, now)
    }

    case 'extend': {
      const { seconds } = action
      if (!Number.isInteger(seconds) || seconds === 0 || Math.abs(seconds) > maxExtendSeconds) {
        const range = `-${maxExtendSeconds} to ${maxExtendSeconds}`
        return `seconds must be a non-zero integer from ${range}, got ${seconds}`
      }
      const deltaMs = seconds * 1000
      if (state.status === 'running' && state.endsAt !== null) {
        return { ...state, endsAt: state.endsAt + deltaMs }
      }
      return { ...state, remainingMs: state.remainingMs + deltaMs }
    }

    case 'reset':
      return initialTimer(plannedMs)

    case 'end': {
      const stopped = stop(state, now)
      return { ...stopped, status: 'ended', endedAt: now }
    }
  }
}

/** Starts the clock on the current remaining time. */
function run(state: TimerModel, now: number): TimerModel {
  return {
    ...state,
    status: 'running',
    endsAt: now + state.remainingMs,
    runningSince: now,
  }
}

/** Freezes the remaining time and books the running stretch to the current phase. */
function stop(state: TimerModel, now: number): TimerModel {
  if (state.status !== 'running') return state
  return {
    ...state,
    remainingMs: remainingAt(state, now),
    actualMs: actualAt(state, now),
    endsAt: null,
    runningSince: null,
  }
}

/** Moves to a phase with its full planned time, keeping the timer running if it was. */
function moveTo(
  state: TimerModel,
  phaseIndex: number,
  plannedMs: readonly number[],
  now: number,
): TimerModel {
  const wasRunning = state.status === 'running'
  const stopped: TimerModel = {
    ...stop(state, now),
    phaseIndex,
    remainingMs: plannedMs[phaseIndex],
  }
  return wasRunning ? run(stopped, now) : stopped
}

function failure(error: string): TimerResult {
  return { ok: false, error }
}
