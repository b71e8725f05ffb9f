import { A } from '@solidjs/router'
import { Match, Switch } from 'solid-js'

import { Loading } from '../components/Loading'
import { currentUser, signInPath } from '../session'
import { SessionList } from './SessionList'

/** Shows the signed-in user's account: who they are and where they are signed in. */
export function AccountPage() {
  return (
    <section class="page page--narrow">
      <Switch fallback={<Loading />}>
        <Match when={currentUser() === null}>
          <h1>Your account</h1>
          <p>
            <A href={signInPath('/account')}>Sign in</A> to see where you are signed in.
          </p>
        </Match>
        <Match when={currentUser()}>
          {(user) => (
            <>
              <header class="page-header">
                <h1>Your account</h1>
                <p class="meta">
                  {user().name}, {user().email}
                </p>
              </header>
              <SessionList />
            </>
          )}
        </Match>
      </Switch>
    </section>
  )
}
