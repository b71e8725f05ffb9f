import { A } from '@solidjs/router'
import { createEffect, Match, Switch } from 'solid-js'

import { CloseCode } from '../../../shared/wire'
import { SignInForm } from '../auth/SignInForm'
import { markSessionEnded, markSignedOut, signInPath } from '../session'
import { useMeeting } from './meeting-context'
import './sign-in-again.css'

/** Explains why the notes cannot be edited: the room closed, the meeting ended, or observing. */
export function MeetingBanner() {
  const { meeting, room, user } = useMeeting()

  // The site header stops showing the old name; the page stays so nothing typed is lost.
  createEffect(() => {
    if (room.finalClose()?.code === CloseCode.Unauthenticated) markSessionEnded()
  })

  // Signed in as the same user, the page keeps its document and reconnects it. Another user
  // gets a fresh room, because the meeting page opens one per user.
  function signedInAgain(userId: string) {
    if (userId === user.id) room.reconnect()
  }

  return (
    <Switch>
      <Match when={room.finalClose()}>
        {(close) => (
          <div class="banner banner--error" role="alert">
            <p>{close().message}</p>
            <Switch>
              <Match when={close().code === CloseCode.Unauthenticated}>
                <p>What you typed stays here and is saved once you are back.</p>
                <div class="banner__sign-in">
                  <SignInForm onSignedIn={(user) => signedInAgain(user.id)} />
                </div>
                <A href={signInPath(`/meetings/${meeting.id}`)} onClick={() => markSignedOut()}>
                  Sign in again on the sign-in page
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
