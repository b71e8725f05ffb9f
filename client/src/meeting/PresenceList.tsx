import { For } from 'solid-js'

import type { PresentUser } from './presence'

export interface PresenceListProps {
  users: PresentUser[]
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? words[0][0] + words[words.length - 1][0] : name.slice(0, 2)
  return letters.toUpperCase()
}

/** Lists who is in the meeting now, one entry per person however many tabs they have open. */
export function PresenceList(props: PresenceListProps) {
  return (
    <ul class="presence" aria-label={`${props.users.length} here now`}>
      <For each={props.users}>
        {(user) => (
          <li class="presence__user" title={user.name}>
            <span
              class="presence__avatar"
              style={{ 'background-color': user.color }}
              aria-hidden="true"
            >
              {initials(user.name)}
            </span>
            <span class="presence__name">
              {user.name}
              {user.isSelf ? ' (you)' : ''}
            </span>
          </li>
        )}
      </For>
    </ul>
  )
}
