import { createSignal, For, Show } from 'solid-js'

import { errorMessage, request } from '../api'
import { roleLabel } from '../components/RoleBadge'
import { inviteUrl, type OpenInvite } from './invites'
import './team.css'

export interface OpenInvitesProps {
  teamId: string
  invites: OpenInvite[]
  /** Called after a revocation, to load the list again. */
  onChanged(): void
}

/** Lists a team's open invitation links with a way to copy or revoke each, for facilitators. */
export function OpenInvites(props: OpenInvitesProps) {
  const [error, setError] = createSignal<string>()
  const [status, setStatus] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)

  async function revoke(invite: OpenInvite) {
    setBusy(true)
    setError(undefined)
    setStatus(undefined)
    try {
      await request('DELETE', `/api/teams/${props.teamId}/invites/${invite.token}`)
      setStatus(`The ${roleLabel(invite.role).toLowerCase()} link was revoked.`)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
      props.onChanged()
    }
  }

  async function copy(invite: OpenInvite) {
    setError(undefined)
    try {
      await navigator.clipboard.writeText(inviteUrl(invite.token))
      setStatus('Link copied.')
    } catch {
      // The clipboard needs permission and a secure context; the link is shown to copy by hand.
      setStatus(`Copy this link: ${inviteUrl(invite.token)}`)
    }
  }

  return (
    <div>
      <Show
        when={props.invites.length > 0}
        fallback={<p class="empty">No open invitation links.</p>}
      >
        <ul class="invite-list" aria-label="Open invitations">
          <For each={props.invites}>
            {(invite) => (
              <li>
                <span>
                  <strong>{roleLabel(invite.role)}</strong>
                  {invite.singleUse ? ', single use' : ''}, until{' '}
                  {new Date(invite.expiresAt).toLocaleDateString()}
                  <span class="field__hint"> by {invite.createdBy}</span>
                </span>
                <span class="member-actions">
                  <button type="button" class="button button--quiet" onClick={() => void copy(invite)}>
                    Copy link
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    disabled={busy()}
                    aria-label={`Revoke ${roleLabel(invite.role).toLowerCase()} link created ${new Date(invite.createdAt).toLocaleString()}`}
                    onClick={() => void revoke(invite)}
                  >
                    Revoke
                  </button>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p role="status" class="field__hint">
        {status()}
      </p>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  )
}
