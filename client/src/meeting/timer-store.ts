import * as decoding from 'lib0/decoding'
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js'

import { api, errorMessage } from '../api'
import { remainingFromView, type TimerAction, type TimerState } from '../../../shared/timer'
import { MessageType } from '../../../shared/wire'
import type { Meeting, Phase } from '../types'
import type { RoomConnection } from './room-connection'
import { createServerClock, type ServerClock } from './server-clock'

/** How often the countdown is recomputed; the display changes once a second at most. */
const tickMs = 200

export interface MeetingTimer {
  /** The latest timer state from the server, or undefined before the first one. */
  state: Accessor<TimerState | undefined>
  /** Time left in the current phase on the server's clock; negative in overtime. */
  remainingMs: Accessor<number | undefined>
  phaseIndex: Accessor<number>
  currentPhase: Accessor<Phase | undefined>
  /**
   * Whether the connection dropped since the last state arrived, so the countdown shows the
   * last known time and may be out of date.
   */
  stale: Accessor<boolean>
  /** Whether this user may drive the timer: a facilitator of a meeting that has not ended. */
  canControl: Accessor<boolean>
  /** Sends a facilitator action; the new state arrives with the reply and over the socket. */
  act(action: TimerAction): Promise<boolean>
  /** Whether an action is on its way to the server. */
  pending: Accessor<boolean>
  /** The last failed action's message, cleared by the next action. */
  error: Accessor<string | undefined>
  clock: ServerClock
  phases: Phase[]
}

/**
 * Creates the meeting's shared timer on this client: state from the room socket (and one HTTP read
 * at start), the countdown on the estimated server clock, and the facilitator's actions.
 */
export function createMeetingTimer(room: RoomConnection, meeting: Meeting): MeetingTimer {
  const clock = createServerClock(room)
  const [state, setState] = createSignal<TimerState>()
  const [serverNow, setServerNow] = createSignal(clock.now())
  const [pending, setPending] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [stale, setStale] = createSignal(false)
  const timerPath = `/api/meetings/${encodeURIComponent(meeting.id)}/timer`

  // States can arrive out of order (an HTTP reply and a broadcast), so the highest revision
  // wins; an equal one refreshes the server time.
  function accept(next: TimerState) {
    const current = state()
    if (current && next.revision < current.revision) return
    if (!clock.ready()) clock.hint(next.serverNow)
    setState(next)
    setStale(false)
    setServerNow(clock.now())
  }

  // The server sends a whole state on every connect, which clears this again.
  createEffect(
    on(room.status, (status) => {
      if (status === 'reconnecting' || status === 'offline' || status === 'closed') setStale(true)
    }),
  )

  const removeHandler = room.onMessage(MessageType.Timer, (decoder) => {
    try {
      accept(JSON.parse(decoding.readVarString(decoder)) as TimerState)
    } catch {
      // A garbled state is dropped; the next change or reconnect sends a whole one.
    }
  })
  void api.get<TimerState>(timerPath).then(accept, () => {
    // The socket sends the state on connect too, so a failed read only delays it.
  })

  const ticker = setInterval(() => setServerNow(clock.now()), tickMs)
  onCleanup(() => {
    removeHandler()
    clearInterval(ticker)
  })

  const remainingMs = createMemo(() => {
    const current = state()
    return current ? remainingFromView(current, serverNow()) : undefined
  })
  const phaseIndex = createMemo(() => state()?.phaseIndex ?? 0)

  async function act(action: TimerAction): Promise<boolean> {
    setPending(true)
    setError(undefined)
    try {
      accept(await api.post<TimerState>(timerPath, action))
      return true
    } catch (failure) {
      setError(errorMessage(failure))
      return false
    } finally {
      setPending(false)
    }
  }

  return {
    state,
    stale,
    remainingMs,
    phaseIndex,
    currentPhase: () => meeting.phases[phaseIndex()],
    canControl: () =>
      room.role() === 'facilitator' &&
      room.meetingState() !== 'ended' &&
      state()?.status !== 'ended',
    act,
    pending,
    error,
    clock,
    phases: meeting.phases,
  }
}
