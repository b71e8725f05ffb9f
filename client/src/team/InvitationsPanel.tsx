import { createResource, Match, Switch } from 'solid-js'

import { api } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { InviteLinkControl } from './InviteLinkControl'
import type { OpenInvite } from './invites'
import { OpenInvites } from './OpenInvites'

export interface InvitationsPanelProps {
  teamId: string
}

/** Creates invitation links and lists the open ones, for facilitators. */
export function InvitationsPanel(props: InvitationsPanelProps) {
  const [invites, { refetch }] = createResource(
    () => props.teamId,
    (teamId) => api.get<OpenInvite[]>(`/api/teams/${teamId}/invites`),
  )

  return (
    <>
      <InviteLinkControl teamId={props.teamId} onCreated={() => void refetch()} />
      <section class="card" aria-labelledby="open-invites-title">
        <h2 id="open-invites-title">Open invitations</h2>
        <Switch>
          <Match when={invites.error}>
            <ErrorPanel error={invites.error} onRetry={refetch} />
          </Match>
          <Match when={invites()}>
            {(list) => (
              <OpenInvites
                teamId={props.teamId}
                invites={list()}
                onChanged={() => void refetch()}
              />
            )}
          </Match>
          <Match when={invites.loading}>
            <Loading label="Loading invitations…" />
          </Match>
        </Switch>
      </section>
    </>
  )
}
