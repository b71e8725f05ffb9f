import { createSignal, createUniqueId, Show } from 'solid-js'

import { api, errorMessage } from '../api'
import type { MemberRole } from '../types'

export interface InviteLinkControlProps {
  teamId: string
}

/** Makes an invitation link for a role and copies it, for facilitators. */
export function InviteLinkControl(props: InviteLinkControlProps) {
  const [role, setRole] = createSignal<MemberRole>('member')
  const [link, setLink] = createSignal<string>()
  const [status, setStatus] = createSignal<string>()
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const id = createUniqueId()

  async function createLink() {
    setBusy(true)
    setError(undefined)
    setStatus(undefined)
    try {
      const invite = await api.post<{ token: string; expiresAt: number }>(
        `/api/teams/${props.teamId}/invites`,
        { role: role() },
      )
      const url = `${location.origin}/invites/${invite.token}`
      setLink(url)
      const expires = new Date(invite.expiresAt).toLocaleDateString()
      try {
        await navigator.clipboard.writeText(url)
        setStatus(`Link copied. It works until ${expires}.`)
      } catch {
        // The clipboard is unavailable without permission or outside a secure context.
        setStatus(`Copy the link below. It works until ${expires}.`)
      }
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="card form" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite people</h2>
      <div class="field">
        <label for={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role()}
          onChange={(event) => setRole(event.currentTarget.value as MemberRole)}
        >
          <option value="member">Member: edits notes and cards</option>
          <option value="observer">Observer: watches without editing</option>
          <option value="facilitator">Facilitator: runs meetings and the team</option>
        </select>
      </div>
      <button type="button" class="button" disabled={busy()} onClick={createLink}>
        {busy() ? 'Creating link…' : 'Copy invitation link'}
      </button>
      <p role="status" class="field__hint">
        {status()}
      </p>
      <Show when={link()}>
        <label class="visually-hidden" for={`${id}-link`}>
          Invitation link
        </label>
        <input
          id={`${id}-link`}
          class="invite-link"
          readOnly
          value={link()}
          onFocus={(event) => event.currentTarget.select()}
        />
      </Show>
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  )
}
