import { createResource, Match, Switch } from 'solid-js'

import { api } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import type { TeamSummary } from '../types'
import { CreateTeamForm } from './CreateTeamForm'
import { TeamList } from './TeamList'

export interface TeamsHomeProps {
  userId: string
}

/** Lists the signed-in user's teams, next to a form to create one. */
export function TeamsHome(props: TeamsHomeProps) {
  const [teams, { refetch }] = createResource(
    () => props.userId,
    () => api.get<TeamSummary[]>('/api/teams'),
  )

  return (
    <section class="page">
      <h1>Your teams</h1>
      <div class="columns">
        <div>
          <Switch>
            <Match when={teams.error}>
              <ErrorPanel
                title="Your teams could not be loaded."
                error={teams.error}
                onRetry={refetch}
              />
            </Match>
            <Match when={teams()}>{(list) => <TeamList teams={list()} />}</Match>
            <Match when={teams.loading}>
              <Loading label="Loading your teams…" />
            </Match>
          </Switch>
        </div>
        <CreateTeamForm />
      </div>
    </section>
  )
}
