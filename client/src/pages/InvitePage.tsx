import { useNavigate, useParams } from '@solidjs/router'
import { createResource, createSignal, Match, Show, Switch } from 'solid-js'

import { api, ApiError, errorMessage } from '../api'
import { AuthPanel } from '../auth/AuthPanel'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { usePageTitle } from '../components/page-title'
import { roleLabel } from '../components/RoleBadge'
import { currentUser } from '../session'
import type { Invite } from '../types'

/** Shows an invitation's team and role, and adds the user to the team when they accept. */
export function InvitePage() {
  const params = useParams<{ token: string }>()
  const navigate = useNavigate()
  const [invite, { refetch }] = createResource(
    () => params.token,
    (token) => api.get<Invite>(`/api/invites/${encodeURIComponent(token)}`),
  )
  usePageTitle(() => (invite.error ? 'Invitation' : invite() && `Join ${invite()!.teamName}`))
  const [busy, setBusy] = createSignal(false)
  const [acceptError, setAcceptError] = createSignal<string>()

  async function accept() {
    setBusy(true)
    setAcceptError(undefined)
    try {
      const result = await api.post<{ teamId: string }>(
        `/api/invites/${encodeURIComponent(params.token)}/accept`,
      )
      navigate(`/teams/${result.teamId}`, { replace: true })
    } catch (error) {
      setAcceptError(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="page page--narrow">
      <Switch>
        <Match when={invite.error}>
          <ErrorPanel
            title="This invitation cannot be used."
            error={invite.error}
            // An expired, revoked, used or unknown link stays so; only a failed load can succeed.
            onRetry={isFinalInviteError(invite.error) ? undefined : refetch}
          />
        </Match>
        <Match when={invite()}>
          {(loaded) => (
            <>
              <h1>Join {loaded().teamName}</h1>
              <p class="lede">
                You are invited to join <strong>{loaded().teamName}</strong> as{' '}
                <strong>{roleLabel(loaded().role).toLowerCase()}</strong>.
              </p>
              <Switch fallback={<Loading />}>
                <Match when={currentUser()}>
                  {(user) => (
                    <div class="stack">
                      <p>Signed in as {user().name}.</p>
                      <button
                        type="button"
                        class="button button--primary"
                        disabled={busy()}
                        onClick={accept}
                      >
                        {busy() ? 'Joining…' : `Join ${loaded().teamName}`}
                      </button>
                    </div>
                  )}
                </Match>
                <Match when={currentUser() === null}>
                  <p>Sign in or create an account to accept.</p>
                  <AuthPanel onSignedIn={accept} />
                </Match>
              </Switch>
              <Show when={acceptError()}>
                <p class="form-error" role="alert">
                  {acceptError()}
                </p>
              </Show>
            </>
          )}
        </Match>
        <Match when={invite.loading}>
          <Loading label="Loading invitation…" />
        </Match>
      </Switch>
    </section>
  )
}

function isFinalInviteError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 410)
}
