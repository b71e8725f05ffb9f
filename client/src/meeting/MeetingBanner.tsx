import { A } from '@solidjs/router'
import { Match, Switch } from 'solid-js'

import { CloseCode } from '../../../shared/wire'
import { markSignedOut, signInPath } from '../session'
import { useMeeting } from './meeting-context'

/** Explains why the notes cannot be edited: the room closed, the meeting ended, or observing. */
export function MeetingBanner() {
  const { meeting, room } = useMeeting()

  return (
    <Switch>
      <Match when={room.finalClose()}>
        {(close) => (
          <div class="banner banner--error" role="alert">
            <p>{close().message}</p>
            <Switch>
              <Match when={close().code === CloseCode.Unauthenticated}>
                <A
                  class="button"
                  href={signInPath(`/meetings/${meeting.id}`)}
                  onClick={() => markSignedOut()}
                >
                  Sign in again
                </A>
              </Match>
              <Match when={close().code === CloseCode.Forbidden}>
                <A class="button" href="/">
                  Go to your teams
                </A>
              </Match>
            </Switch>
          </div>
        )}
      </Match>
      <Match when={room.meetingState() === 'ended'}>
        <p class="banner" role="status">
          This meeting has ended. Its notes are read-only.
        </p>
      </Match>
      <Match when={room.role() === 'observer'}>
        <p class="banner" role="status">
          You are observing this meeting. You can read the notes but not edit them.
        </p>
      </Match>
    </Switch>
  )
}
