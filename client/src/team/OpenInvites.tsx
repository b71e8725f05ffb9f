import { createSignal, For, Show } from 'solid-js'

import { errorMessage, request } from '../api'
import { capitalized, inviteName, inviteUrl, type OpenInvite } from './invites'
import { OpenInviteRow } from './OpenInviteRow'
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
  // One confirmation at a time, so that the question always sits next to the link it names.
  const [confirming, setConfirming] = createSignal<string>()

  async function revoke(invite: OpenInvite) {
    setBusy(true)
    setError(undefined)
    setStatus(undefined)
    try {
      await request('DELETE', `/api/teams/${props.teamId}/invites/${invite.token}`)
      setStatus(`${capitalized(inviteName(invite))} was revoked.`)
      setConfirming(undefined)
    } catch (caught) {
      setError(`${capitalized(inviteName(invite))} was not revoked. ${errorMessage(caught)}`)
    } finally {
      setBusy(false)
      props.onChanged()
    }
  }

  async function copy(invite: OpenInvite) {
    setError(undefined)
    try {
      await navigator.clipboard.writeText(inviteUrl(invite.token))
      setStatus(`${capitalized(inviteName(invite))} was copied.`)
    } catch {
      // The clipboard needs permission and a secure context, so the link is shown to copy by hand.
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
              <OpenInviteRow
                invite={invite}
                busy={busy()}
                confirming={confirming() === invite.token}
                onCopy={() => void copy(invite)}
                onAskRevoke={() => {
                  setStatus(undefined)
                  setConfirming(invite.token)
                }}
                onCancel={() => setConfirming(undefined)}
                onRevoke={() => void revoke(invite)}
              />
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
