import { useNavigate, useSearchParams } from '@solidjs/router'
import { createEffect, Match, Show, Switch } from 'solid-js'

import { AuthPanel } from '../auth/AuthPanel'
import { Loading } from '../components/Loading'
import { usePageTitle } from '../components/page-title'
import { TeamsHome } from '../home/TeamsHome'
import { currentUser, safeNextPath } from '../session'

/** Signed out: sign in or sign up. Signed in: the user's teams. */
export function HomePage() {
  const navigate = useNavigate()
  const [searchParams] = useSearchParams<{ next?: string }>()
  usePageTitle(() => (currentUser() === null ? 'Sign in' : 'Your teams'))

  // Once the user is signed in, through the forms or earlier, a sign-in link with a return path
  // leads on to that path. Without one, this page shows the user's teams.
  createEffect(() => {
    const next = safeNextPath(searchParams.next)
    if (currentUser() && next) navigate(next, { replace: true })
  })

  return (
    <Switch fallback={<Loading />}>
      <Match when={currentUser() === null}>
        <section class="page page--narrow">
          <h1>PLC Room</h1>
          <p class="lede">
            Run your team's PLC meetings together: one shared agenda and timer, live notes for every
            phase, and a record you can come back to.
          </p>
          <Show when={safeNextPath(searchParams.next)}>
            <p class="notice" role="status">
              Sign in to continue to the page you opened.
            </p>
          </Show>
          <AuthPanel onSignedIn={() => {}} />
        </section>
      </Match>
      <Match when={currentUser()}>{(user) => <TeamsHome userId={user().id} />}</Match>
    </Switch>
  )
}
