import { createSignal, For, Show } from 'solid-js'

import { errorMessage, request } from '../api'
import { RoleBadge, roleLabel } from '../components/RoleBadge'
import type { Member, MemberRole } from '../types'
import './team.css'

export interface MemberManagerProps {
  teamId: string
  members: Member[]
  /** The signed-in user, marked "you" in the list. */
  userId?: string
  /** The signed-in user's role; only facilitators get role selects and remove buttons. */
  role: MemberRole
  /** Called after a change, to load the members again. */
  onChanged(): void
  /** Called after the signed-in user left the team. */
  onLeft(): void
}

const roles: MemberRole[] = ['facilitator', 'member', 'observer']

/**
 * Lists a team's members. Facilitators change roles and remove members; everyone can leave.
 * The server enforces every rule, such as keeping one facilitator, and its message is shown.
 */
export function MemberManager(props: MemberManagerProps) {
  const [error, setError] = createSignal<string>()
  const [status, setStatus] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  const [confirming, setConfirming] = createSignal<string>()

  const isFacilitator = () => props.role === 'facilitator'

  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(true)
    setError(undefined)
    setStatus(undefined)
    try {
      await action()
      setStatus(done)
      return true
    } catch (caught) {
      setError(errorMessage(caught))
      return false
    } finally {
      setBusy(false)
      setConfirming(undefined)
    }
  }

  async function changeRole(member: Member, select: HTMLSelectElement) {
    const role = select.value as MemberRole
    const path = `/api/teams/${props.teamId}/members/${member.userId}`
    const changed = await run(
      () => request('PATCH', path, { role }),
      `${member.name} is now ${roleLabel(role).toLowerCase()}.`,
    )
    // A rejected change puts the select back to the role the member still has.
    if (!changed) select.value = member.role
    props.onChanged()
  }

  async function remove(member: Member) {
    const leaving = member.userId === props.userId
    const path = `/api/teams/${props.teamId}/members/${member.userId}`
    const removed = await run(
      () => request('DELETE', path),
      leaving ? 'You left the team.' : `${member.name} was removed from the team.`,
    )
    if (removed && leaving) props.onLeft()
    else props.onChanged()
  }

  return (
    <div class="member-manager">
      <ul class="member-list" aria-label="Members">
        <For each={props.members}>
          {(member) => {
            const self = () => member.userId === props.userId
            return (
              <li>
                <span>
                  {member.name}
                  {self() ? ' (you)' : ''}
                </span>
                <span class="member-actions">
                  <Show when={isFacilitator()} fallback={<RoleBadge role={member.role} />}>
                    <label class="visually-hidden" for={`role-${member.userId}`}>
                      Role of {member.name}
                    </label>
                    <select
                      id={`role-${member.userId}`}
                      value={member.role}
                      disabled={busy()}
                      onChange={(event) => void changeRole(member, event.currentTarget)}
                    >
                      <For each={roles}>
                        {(role) => <option value={role}>{roleLabel(role)}</option>}
                      </For>
                    </select>
                  </Show>
                  <Show when={isFacilitator() || self()}>
                    <Show
                      when={confirming() === member.userId}
                      fallback={
                        <button
                          type="button"
                          class="button button--quiet"
                          disabled={busy()}
                          onClick={() => setConfirming(member.userId)}
                        >
                          {self() ? 'Leave team' : `Remove ${member.name}`}
                        </button>
                      }
                    >
                      <button
                        type="button"
                        class="button button--danger"
                        disabled={busy()}
                        onClick={() => void remove(member)}
                      >
                        {self() ? 'Yes, leave' : `Yes, remove ${member.name}`}
                      </button>
                      <button
                        type="button"
                        class="button button--quiet"
                        onClick={() => setConfirming(undefined)}
                      >
                        Cancel
                      </button>
                    </Show>
                  </Show>
                </span>
              </li>
            )
          }}
        </For>
      </ul>
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
