import { createContext, useContext, type JSX } from 'solid-js'

import { useMeeting } from './meeting-context'
import { createPhaseFollower, type PhaseFollower } from './phase-follower'
import { createMeetingTimer, type MeetingTimer } from './timer-store'

export const TimerContext = createContext<MeetingTimer>()
export const FollowerContext = createContext<PhaseFollower>()

export interface MeetingTimerProviderProps {
  children: JSX.Element
}

/** Runs the meeting's shared timer for its children; place it inside the room provider. */
export function MeetingTimerProvider(props: MeetingTimerProviderProps) {
  const { room, meeting } = useMeeting()
  const timer = createMeetingTimer(room, meeting)
  const follower = createPhaseFollower(meeting.phases, timer.phaseIndex)
  return (
    <TimerContext.Provider value={timer}>
      <FollowerContext.Provider value={follower}>{props.children}</FollowerContext.Provider>
    </TimerContext.Provider>
  )
}

/** Returns the meeting's timer, for components inside `<MeetingTimerProvider>`. */
export function useMeetingTimer(): MeetingTimer {
  const timer = useContext(TimerContext)
  if (!timer) throw new Error('useMeetingTimer() must be called inside <MeetingTimerProvider>')
  return timer
}

/** Returns the phase follower, for components inside `<MeetingTimerProvider>`. */
export function usePhaseFollower(): PhaseFollower {
  const follower = useContext(FollowerContext)
  if (!follower) throw new Error('usePhaseFollower() must be called inside <MeetingTimerProvider>')
  return follower
}
