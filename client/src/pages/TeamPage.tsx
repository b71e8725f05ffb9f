import { useNavigate, useParams } from '@solidjs/router'
import { createResource, Match, Show, Switch } from 'solid-js'

import { api } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { usePageTitle } from '../components/page-title'
import { RoleBadge } from '../components/RoleBadge'
import type { TeamProtocol } from '../protocols/team-templates'
import { TeamTemplatesPanel } from '../protocols/TeamTemplatesPanel'
import { currentUser } from '../session'
import { CreateMeetingForm } from '../team/CreateMeetingForm'
import { InvitationsPanel } from '../team/InvitationsPanel'
import { MeetingList } from '../team/MeetingList'
import { MemberManager } from '../team/MemberManager'
import { OpenNextSteps } from '../team/OpenNextSteps'
import type { Member, MeetingSummary, TeamSummary } from '../types'

/** Shows a team's meetings, a form to start one, its members and, for facilitators, invitations. */
export function TeamPage() {
  const params = useParams<{ teamId: string }>()
  const navigate = useNavigate()
  const [team, { refetch: refetchTeam }] = createResource(
    () => params.teamId,
    (teamId) => api.get<TeamSummary>(`/api/teams/${teamId}`),
  )
  const [meetings, { refetch: refetchMeetings }] = createResource(
    () => params.teamId,
    (teamId) => api.get<MeetingSummary[]>(`/api/teams/${teamId}/meetings`),
  )
  const [members, { refetch: refetchMembers }] = createResource(
    () => params.teamId,
    (teamId) => api.get<Member[]>(`/api/teams/${teamId}/members`),
  )
  // Built-in protocols and the team's own, which facilitators edit in the panel below.
  const [protocols, { refetch: refetchProtocols }] = createResource(
    () => params.teamId,
    (teamId) => api.get<TeamProtocol[]>(`/api/teams/${teamId}/protocols`),
  )
  usePageTitle(() => (team.error ? undefined : team()?.name))

  return (
    <Switch>
      <Match when={team.error}>
        <section class="page">
          <ErrorPanel
            title="This team could not be opened."
            error={team.error}
            onRetry={refetchTeam}
          />
        </section>
      </Match>
      <Match when={team()}>
        {(loaded) => (
          <section class="page">
            <header class="page-header">
              <h1>{loaded().name}</h1>
              <p class="meta">
                Your role: <RoleBadge role={loaded().role} />
              </p>
            </header>

            <div class="columns">
              <section aria-labelledby="meetings-title">
                <h2 id="meetings-title">Meetings</h2>
                <Switch>
                  <Match when={meetings.error}>
                    <ErrorPanel error={meetings.error} onRetry={refetchMeetings} />
                  </Match>
                  <Match when={meetings()}>
                    {(list) => (
                      <MeetingList meetings={list()} canStart={loaded().role !== 'observer'} />
                    )}
                  </Match>
                  <Match when={meetings.loading}>
                    <Loading label="Loading meetings…" />
                  </Match>
                </Switch>
                <OpenNextSteps teamId={loaded().id} />
              </section>

              <div class="stack">
                <Show
                  when={loaded().role !== 'observer'}
                  fallback={
                    <p class="notice" role="note">
                      As an observer you can open and follow meetings, but not start them or change
                      their notes.
                    </p>
                  }
                >
                  <Switch>
                    <Match when={protocols.error}>
                      <ErrorPanel
                        title="Protocols could not be loaded."
                        error={protocols.error}
                        onRetry={refetchProtocols}
                      />
                    </Match>
                    <Match when={protocols()}>
                      {(list) => <CreateMeetingForm teamId={loaded().id} protocols={list()} />}
                    </Match>
                    <Match when={protocols.loading}>
                      <Loading label="Loading protocols…" />
                    </Match>
                  </Switch>
                </Show>

                <Show when={protocols()}>
                  {(list) => (
                    <TeamTemplatesPanel
                      teamId={loaded().id}
                      protocols={list()}
                      canEdit={loaded().role === 'facilitator'}
                      onChanged={() => void refetchProtocols()}
                    />
                  )}
                </Show>

                <section class="card" aria-labelledby="members-title">
                  <h2 id="members-title">Members</h2>
                  <Switch>
                    <Match when={members.error}>
                      <ErrorPanel error={members.error} onRetry={refetchMembers} />
                    </Match>
                    <Match when={members()}>
                      {(list) => (
                        <MemberManager
                          teamId={loaded().id}
                          members={list()}
                          userId={currentUser()?.id}
                          role={loaded().role}
                          onChanged={() => {
                            void refetchMembers()
                            // The user may have changed their own role.
                            void refetchTeam()
                          }}
                          onLeft={() => navigate('/', { replace: true })}
                        />
                      )}
                    </Match>
                    <Match when={members.loading}>
                      <Loading label="Loading members…" />
                    </Match>
                  </Switch>
                </section>

                <Show
                  when={loaded().role === 'facilitator'}
                  fallback={
                    <p class="field__hint">Only facilitators can invite people and change roles.</p>
                  }
                >
                  <InvitationsPanel teamId={loaded().id} />
                </Show>
              </div>
            </div>
          </section>
        )}
      </Match>
      <Match when={team.loading}>
        <Loading label="Loading team…" />
      </Match>
    </Switch>
  )
}
