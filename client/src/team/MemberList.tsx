import { For } from 'solid-js'

import { RoleBadge } from '../components/RoleBadge'
import type { Member } from '../types'

export interface MemberListProps {
  members: Member[]
  /** The signed-in user, marked "you" in the list. */
  userId?: string
}

export function MemberList(props: MemberListProps) {
  return (
    <ul class="member-list" aria-label="Members">
      <For each={props.members}>
        {(member) => (
          <li>
            <span>
              {member.name}
              {member.userId === props.userId ? ' (you)' : ''}
            </span>
            <RoleBadge role={member.role} />
          </li>
        )}
      </For>
    </ul>
  )
}
