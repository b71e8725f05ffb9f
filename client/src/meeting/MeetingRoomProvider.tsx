import type { JSX } from 'solid-js'

import type { Meeting, User } from '../types'
import { MeetingContext } from './meeting-context'
import { createRoomConnection } from './room-connection'
import { userColor } from './user-color'

export interface MeetingRoomProviderProps {
  meeting: Meeting
  teamName?: string
  user: User
  children: JSX.Element
}

/** Opens the meeting's room for as long as it is mounted and shares it with its children. */
export function MeetingRoomProvider(props: MeetingRoomProviderProps) {
  // The meeting page remounts this component for another meeting, so reading props once is right.
  const room = createRoomConnection({
    meetingId: props.meeting.id,
    user: { userId: props.user.id, name: props.user.name, color: userColor(props.user.id) },
    role: props.meeting.role,
    meetingState: props.meeting.state,
  })

  return (
    <MeetingContext.Provider
      value={{ meeting: props.meeting, teamName: props.teamName, user: props.user, room }}
    >
      {props.children}
    </MeetingContext.Provider>
  )
}
