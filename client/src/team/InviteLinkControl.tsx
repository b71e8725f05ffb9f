import { createSignal, createUniqueId, Show } from 'solid-js'

import { api, errorMessage } from '../api'
import type { MemberRole } from '../types'
import { inviteLabelMax, inviteName, inviteUrl } from './invites'
import './team.css'

export interface InviteLinkControlProps {
  teamId: string
  /** Called after a link was created, to list it with the open ones. */
  onCreated?: () => void
}

/** Makes an invitation link for a role and copies it, for facilitators. */
export function InviteLinkControl(props: InviteLinkControlProps) {
  const [role, setRole] = createSignal<MemberRole>('member')
  const [expiresInDays, setExpiresInDays] = createSignal(7)
  const [singleUse, setSingleUse] = createSignal(false)
  const [label, setLabel] = createSignal('')
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
      const invite = await api.post<{
        token: string
        role: MemberRole
        expiresAt: number
        label: string | null
      }>(`/api/teams/${props.teamId}/invites`, {
        role: role(),
        expiresInDays: expiresInDays(),
        singleUse: singleUse(),
        label: label(),
      })
      const url = inviteUrl(invite.token)
      setLink(url)
      setLabel('')
      props.onCreated?.()
      const expires = new Date(invite.expiresAt).toLocaleDateString()
      const name = inviteName(invite)
      try {
        await navigator.clipboard.writeText(url)
        setStatus(`Copied ${name}. It works until ${expires}.`)
      } catch {
        // The clipboard is unavailable without permission or outside a secure context.
        setStatus(`Copy ${name} below. It works until ${expires}.`)
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
      <div class="field">
        <label for={`${id}-expiry`}>Link works for</label>
        <select
          id={`${id}-expiry`}
          value={String(expiresInDays())}
          onChange={(event) => setExpiresInDays(Number(event.currentTarget.value))}
        >
          <option value="1">1 day</option>
          <option value="7">7 days</option>
          <option value="14">14 days</option>
          <option value="30">30 days</option>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-label`}>Note (optional)</label>
        <input
          id={`${id}-label`}
          type="text"
          maxLength={inviteLabelMax}
          value={label()}
          aria-describedby={`${id}-label-hint`}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
        <p class="field__hint" id={`${id}-label-hint`}>
          Who or where the link goes, such as “Sam, new in grade 3”, to tell it apart later.
        </p>
      </div>
      <div class="checkbox-field">
        <input
          id={`${id}-single`}
          type="checkbox"
          checked={singleUse()}
          onChange={(event) => setSingleUse(event.currentTarget.checked)}
        />
        <label for={`${id}-single`}>Single use: the link stops working once someone joins</label>
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
