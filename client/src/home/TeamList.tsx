import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'

import { RoleBadge } from '../components/RoleBadge'
import type { TeamSummary } from '../types'

export interface TeamListProps {
  teams: TeamSummary[]
}

export function TeamList(props: TeamListProps) {
  return (
    <Show
      when={props.teams.length > 0}
      fallback={
        <p class="empty">You are not in a team yet. Create one, or open an invitation link.</p>
      }
    >
      <ul class="link-list" aria-label="Your teams">
        <For each={props.teams}>
          {(team) => (
            <li>
              <A href={`/teams/${team.id}`}>{team.name}</A>
              <RoleBadge role={team.role} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
