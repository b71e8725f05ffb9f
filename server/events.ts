import { EventEmitter } from 'node:events'

/** Things that happen to a meeting, for features that react to one another. */
export interface MeetingEvents {
  /** The facilitator moved the meeting to another phase. */
  'phase-changed': [{ meetingId: string; fromIndex: number; toIndex: number; userId: string }]
  /** The meeting's lifecycle state changed (scheduled, live, ended). */
  'state-changed': [{ meetingId: string; state: 'scheduled' | 'live' | 'ended'; userId: string }]
}

/** A typed event bus shared through `Services`; listeners must not throw. */
export class MeetingEventBus extends EventEmitter<MeetingEvents> {}
