import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router'
import { createEffect, createSignal, on, onCleanup, onMount, Show } from 'solid-js'

import { errorMessage, setUnauthorizedHandler } from '../api'
import {
  currentUser,
  loadCurrentUser,
  markSignedOut,
  sessionEnded,
  sessionError,
  signInPath,
  signOut,
} from '../session'
import { ErrorPanel } from './ErrorPanel'

/**
 * Frames every page with the site header (the user and sign-out). Sends the user back to
 * sign-in, keeping the current address, whenever a call finds that the session ended.
 */
export function AppShell(props: RouteSectionProps) {
  const navigate = useNavigate()
  const location = useLocation()
  const [signOutError, setSignOutError] = createSignal<string>()

  // Several calls of one page can fail with 401 together; only the first one redirects.
  let redirecting = false
  createEffect(
    on(
      () => location.pathname,
      () => (redirecting = false),
    ),
  )

  // After moving to another page, screen readers start from its content, not from a link that
  // is gone. The first page keeps the browser's own focus.
  let main: HTMLElement | undefined
  createEffect(
    on(
      () => location.pathname,
      () => main?.focus({ preventScroll: true }),
      { defer: true },
    ),
  )

  onMount(() => {
    setUnauthorizedHandler(() => {
      markSignedOut()
      if (redirecting || location.pathname === '/') return
      redirecting = true
      navigate(signInPath(location.pathname + location.search), { replace: true })
    })
    void loadCurrentUser()
  })
  onCleanup(() => setUnauthorizedHandler(undefined))

  async function handleSignOut() {
    setSignOutError(undefined)
    try {
      await signOut()
      navigate('/')
    } catch (error) {
      setSignOutError(errorMessage(error))
    }
  }

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <A href="/" class="brand">
          PLC Room
        </A>
        <Show when={currentUser() && sessionEnded()}>
          <div class="site-header__user">
            <span class="site-header__name">Signed out</span>
            <A
              href={signInPath(location.pathname + location.search)}
              class="button button--quiet"
              onClick={() => markSignedOut()}
            >
              Sign in
            </A>
          </div>
        </Show>
        <Show when={!sessionEnded() && currentUser()}>
          {(user) => (
            <div class="site-header__user">
              <A href="/account" class="site-header__name" title="Your account and devices">
                {user().name}
              </A>
              <button type="button" class="button button--quiet" onClick={handleSignOut}>
                Sign out
              </button>
            </div>
          )}
        </Show>
      </header>
      <Show when={signOutError()}>
        <p class="form-error banner" role="alert">
          Signing out failed: {signOutError()}
        </p>
      </Show>
      <main id="main" ref={main} tabIndex={-1}>
        <Show
          when={!sessionError()}
          fallback={
            <section class="page page--narrow">
              <ErrorPanel
                title="PLC Room could not reach the server."
                error={sessionError()}
                onRetry={() => void loadCurrentUser()}
              />
            </section>
          }
        >
          {props.children}
        </Show>
      </main>
    </>
  )
}
