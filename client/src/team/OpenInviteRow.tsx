import { createEffect, createUniqueId, on, Show } from 'solid-js'

import { roleLabel } from '../components/RoleBadge'
import { inviteName, tokenEnding, type OpenInvite } from './invites'

export interface OpenInviteRowProps {
  invite: OpenInvite
  /** Whether a revocation is under way, which disables the buttons. */
  busy: boolean
  /** Whether the row shows the question that confirms revoking this link. */
  confirming: boolean
  onCopy(): void
  onAskRevoke(): void
  onCancel(): void
  onRevoke(): void
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/**
 * Renders one open invitation link with the details that distinguish it from links of the same
 * role: its label, the end of the link, when it was made, whether it is single use and used.
 */
export function OpenInviteRow(props: OpenInviteRowProps) {
  const id = createUniqueId()
  let revokeButton: HTMLButtonElement | undefined
  let confirmButton: HTMLButtonElement | undefined

  // Focus follows the question, and returns to the link's Revoke button when it is dismissed.
  createEffect(
    on(
      () => props.confirming,
      (confirming, wasConfirming) => {
        if (confirming) confirmButton?.focus()
        else if (wasConfirming) revokeButton?.focus()
      },
      { defer: true },
    ),
  )

  const name = () => inviteName(props.invite)

  return (
    <li class="invite-row" aria-labelledby={`${id}-title`}>
      <div class="invite-row__summary">
        <p class="invite-row__title" id={`${id}-title`}>
          <strong>{props.invite.label ?? `${roleLabel(props.invite.role)} link`}</strong>{' '}
          <code class="invite-row__ending" title="The last characters of the link">
            {tokenEnding(props.invite.token)}
          </code>
        </p>
        <p class="field__hint">
          {roleLabel(props.invite.role)}
          {props.invite.singleUse ? ', single use' : ', for many people'}
          {' · '}
          {props.invite.usedAt === null
            ? 'not used yet'
            : `last used ${dateTime.format(props.invite.usedAt)}`}
        </p>
        <p class="field__hint">
          Created {dateTime.format(props.invite.createdAt)} by {props.invite.createdBy}, works until{' '}
          {dateOnly.format(props.invite.expiresAt)}
        </p>
      </div>
      <Show
        when={props.confirming}
        fallback={
          <span class="member-actions">
            <button type="button" class="button button--quiet" onClick={() => props.onCopy()}>
              Copy link
            </button>
            <button
              ref={revokeButton}
              type="button"
              class="button button--quiet"
              disabled={props.busy}
              aria-label={`Revoke ${name()}`}
              onClick={() => props.onAskRevoke()}
            >
              Revoke
            </button>
          </span>
        }
      >
        <div class="invite-confirm" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>
            Revoke {name()}? Anyone who has not joined with it yet will be turned away; people who
            already joined stay in the team.
          </p>
          <span class="member-actions">
            <button
              ref={confirmButton}
              type="button"
              class="button button--danger"
              disabled={props.busy}
              onClick={() => props.onRevoke()}
            >
              {props.busy ? 'Revoking…' : 'Revoke this link'}
            </button>
            <button
              type="button"
              class="button button--quiet"
              disabled={props.busy}
              onClick={() => props.onCancel()}
            >
              Keep it
            </button>
          </span>
        </div>
      </Show>
    </li>
  )
}
