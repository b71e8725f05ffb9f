import { phaseDurationsMs } from '../../shared/protocols'
import {
  applyTimerAction,
  reopenTimer,
  timerView,
  type TimerAction,
  type TimerModel,
  type TimerState,
} from '../../shared/timer'
import { MessageType } from '../../shared/wire'
import { setMeetingState } from '../meetings/lifecycle'
import { encodeJsonMessage } from '../rooms/messages'
import type { Services } from '../services'
import { findMeeting, type MeetingRecord } from '../teams/access'
import { loadTimer, saveTimer } from './store'

export type TimerChange =
  { ok: true; state: TimerState } | { ok: false; status: 400 | 404 | 409; error: string }

const endedMessage = 'this meeting has ended, so its timer cannot change; reopen the meeting first'

// Actions on one meeting run one at a time, so two quick clicks cannot both read the same state
// and one overwrite the other.
// NOTE: this lock is per process; several server processes on one database would need a row
// lock or a compare-and-set on `revision`.
const queues = new WeakMap<Services, Map<string, Promise<unknown>>>()

function serialize<T>(services: Services, meetingId: string, task: () => Promise<T>): Promise<T> {
  let byMeeting = queues.get(services)
  if (!byMeeting) {
    byMeeting = new Map()
    queues.set(services, byMeeting)
  }

  const previous = byMeeting.get(meetingId) ?? Promise.resolve()
  const result = previous.then(task, task)
  const settled = result.catch(() => undefined)
  byMeeting.set(meetingId, settled)
  void settled.then(() => {
    if (byMeeting.get(meetingId) === settled) byMeeting.delete(meetingId)
  })
  return result
}

/** Reads the meeting's timer as clients see it now. */
export async function readTimer(services: Services, meeting: MeetingRecord): Promise<TimerState> {
  const plannedMs = phaseDurationsMs(meeting.phases)
  const state = await loadCurrent(services, meeting, plannedMs)
  return timerView(state, plannedMs, Date.now())
}

/** Loads the stored timer, paused again when its meeting was reopened after it ended. */
async function loadCurrent(
  services: Services,
  meeting: MeetingRecord,
  plannedMs: readonly number[],
): Promise<TimerModel> {
  const state = await loadTimer(services.db, meeting.id, plannedMs)
  return meeting.state === 'ended' ? state : reopenTimer(state)
}

/** Encodes a timer state as the `Timer` socket message. */
export function encodeTimerMessage(state: TimerState): Uint8Array {
  return encodeJsonMessage(MessageType.Timer, state)
}

/**
 * Applies a facilitator's action: stores the new state, sends it to every open socket of the
 * meeting, emits 'phase-changed' when the phase moved, and moves the meeting's lifecycle state
 * (live on start, ended on end). The caller checks the user's role.
 */
export async function changeTimer(
  services: Services,
  meetingId: string,
  action: TimerAction,
  userId: string,
): Promise<TimerChange> {
  return serialize(services, meetingId, async () => {
    // Read inside the queue, so the meeting's state is the one left by the previous action.
    const meeting = await findMeeting(services.db, meetingId)
    if (!meeting) return { ok: false, status: 404, error: 'meeting not found' }
    if (meeting.state === 'ended') return { ok: false, status: 409, error: endedMessage }

    const plannedMs = phaseDurationsMs(meeting.phases)
    const before = await loadCurrent(services, meeting, plannedMs)
    const now = Date.now()
    const result = applyTimerAction(before, action, plannedMs, now)
    if (!result.ok) return { ok: false, status: 400, error: result.error }

    await saveTimer(services.db, meetingId, result.state, userId)
    const view = timerView(result.state, plannedMs, now)
    // NOTE: this reaches the sockets of this process only. Once several processes serve one
    // meeting, the change must also go out through the fan-out between them.
    services.rooms.get(meetingId)?.broadcast(encodeTimerMessage(view))
    services.logger.info(
      {
        meetingId,
        userId,
        action: action.action,
        phaseIndex: view.phaseIndex,
        status: view.status,
      },
      'timer changed',
    )

    await announce(services, meeting, before, result.state, action, userId)
    return { ok: true, state: view }
  })
}

async function announce(
  services: Services,
  meeting: MeetingRecord,
  before: TimerModel,
  after: TimerModel,
  action: TimerAction,
  userId: string,
): Promise<void> {
  if (before.phaseIndex !== after.phaseIndex) {
    services.events.emit('phase-changed', {
      meetingId: meeting.id,
      fromIndex: before.phaseIndex,
      toIndex: after.phaseIndex,
      userId,
    })
  }

  if (action.action === 'start' && meeting.state === 'scheduled') {
    await setMeetingState(services, meeting.id, 'live', userId)
  }
  if (action.action === 'end') {
    await setMeetingState(services, meeting.id, 'ended', userId)
  }
}
