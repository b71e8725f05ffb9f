import { A } from '@solidjs/router'

import { ConnectionStatus } from './ConnectionStatus'
import { useMeeting } from './meeting-context'
import { createPresence } from './presence'
import { PresenceList } from './PresenceList'

/** Shows the meeting's title, a link back to its team, the connection state and who is here. */
export function MeetingHeader() {
  const { meeting, teamName, room, user } = useMeeting()
  const presence = createPresence(room.awareness, user.id)

  return (
    <header class="meeting-header">
      <div class="meeting-header__title">
        <A class="back-link" href={`/teams/${meeting.teamId}`}>
          ← {teamName ?? 'Back to the team'}
        </A>
        <h1>{meeting.title}</h1>
      </div>
      <div class="meeting-header__status">
        <ConnectionStatus status={room.status()} ended={room.meetingState() === 'ended'} />
        <PresenceList users={presence()} />
      </div>
    </header>
  )
}
