import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js'

import { api, errorMessage, request } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'

/** A session as GET /api/auth/sessions lists it; `id` is a hash, not the session secret. */
export interface SessionSummary {
  id: string
  createdAt: number
  expiresAt: number
  userAgent: string
  current: boolean
}

/** Lists the user's signed-in sessions and ends the ones on other devices. */
export function SessionList() {
  const [sessions, { refetch }] = createResource(() =>
    api.get<SessionSummary[]>('/api/auth/sessions'),
  )
  const [busy, setBusy] = createSignal(false)
  const [status, setStatus] = createSignal<string>()
  const [error, setError] = createSignal<string>()

  async function end(path: string, done: string) {
    setBusy(true)
    setError(undefined)
    setStatus(undefined)
    try {
      await request('DELETE', path)
      setStatus(done)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
      void refetch()
    }
  }

  const others = () => (sessions() ?? []).filter((session) => !session.current)

  return (
    <section class="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      <Switch>
        <Match when={sessions.error}>
          <ErrorPanel error={sessions.error} onRetry={refetch} />
        </Match>
        <Match when={sessions()}>
          {(list) => (
            <ul class="member-list" aria-label="Sessions">
              <For each={list()}>
                {(session) => (
                  <li>
                    <span>
                      {describeAgent(session.userAgent)}
                      {session.current ? ' (this device)' : ''}
                      <span class="field__hint">
                        {' '}
                        signed in {new Date(session.createdAt).toLocaleString()}
                      </span>
                    </span>
                    <Show when={!session.current}>
                      <button
                        type="button"
                        class="button button--quiet"
                        disabled={busy()}
                        aria-label={`Sign out ${describeAgent(session.userAgent)}, signed in ${new Date(session.createdAt).toLocaleString()}`}
                        onClick={() =>
                          void end(
                            `/api/auth/sessions/${session.id}`,
                            'That device was signed out.',
                          )
                        }
                      >
                        Sign out
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
        <Match when={sessions.loading}>
          <Loading label="Loading sessions…" />
        </Match>
      </Switch>
      <Show when={others().length > 0}>
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={() => void end('/api/auth/sessions', 'Every other device was signed out.')}
        >
          Sign out every other device
        </button>
      </Show>
      <p role="status" class="field__hint">
        {status()}
      </p>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  )
}

/** Names the browser and system of a user agent string in a few words. */
function describeAgent(userAgent: string): string {
  if (!userAgent) return 'Unknown device'
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined
  if (browser && system) return `${browser} on ${system}`
  return browser ?? system ?? userAgent.slice(0, 60)
}
