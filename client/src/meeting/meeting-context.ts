import { createContext, useContext } from 'solid-js'

import type { Meeting, User } from '../types'
import type { RoomConnection } from './room-connection'

export interface MeetingContextValue {
  meeting: Meeting
  /** Name of the meeting's team, when it could be loaded. */
  teamName?: string
  user: User
  room: RoomConnection
}

export const MeetingContext = createContext<MeetingContextValue>()

/** Returns the open meeting, its room connection and the signed-in user, for meeting components. */
export function useMeeting(): MeetingContextValue {
  const value = useContext(MeetingContext)
  if (!value) throw new Error('useMeeting() must be called inside <MeetingRoomProvider>')
  return value
}
