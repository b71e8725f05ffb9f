import { A } from '@solidjs/router'
import { createResource, For, Match, Show, Switch } from 'solid-js'

import { isOverdue, localDateString } from '../../../shared/next-step-dates'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { formatDueDate, listTeamOpenSteps } from '../meeting/next-steps-api'
import '../meeting/cards.css'

export interface OpenNextStepsProps {
  teamId: string
}

/** Lists the team's open next steps across meetings, soonest due first, overdue ones marked. */
export function OpenNextSteps(props: OpenNextStepsProps) {
  const [steps, { refetch }] = createResource(() => props.teamId, listTeamOpenSteps)
  const today = localDateString()

  return (
    <section class="card open-next-steps" aria-labelledby="open-next-steps-title">
      <h2 id="open-next-steps-title">Open next steps</h2>
      <Switch>
        <Match when={steps.error}>
          <ErrorPanel
            title="The next steps could not be loaded."
            error={steps.error}
            onRetry={() => void refetch()}
          />
        </Match>
        <Match when={steps()}>
          {(list) => (
            <Show
              when={list().length > 0}
              fallback={
                <p class="empty">No open next steps. Steps agreed in meetings show here.</p>
              }
            >
              <ul class="next-steps-list" aria-label="Open next steps">
                <For each={list()}>
                  {(step) => (
                    <li
                      class="next-step"
                      classList={{ 'next-step--overdue': isOverdue(step, today) }}
                    >
                      <span class="next-step__text">{step.text}</span>
                      <p class="meta next-step__meta">
                        {step.ownerName ?? 'Former member'} · due{' '}
                        <time datetime={step.dueDate}>{formatDueDate(step.dueDate)}</time>
                        <Show when={isOverdue(step, today)}>
                          {' '}
                          <span class="next-step__overdue">Overdue</span>
                        </Show>
                        {' · from '}
                        <A href={`/meetings/${step.meetingId}`}>{step.meetingTitle}</A>
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
        <Match when={steps.loading}>
          <Loading label="Loading next steps…" />
        </Match>
      </Switch>
    </section>
  )
}
