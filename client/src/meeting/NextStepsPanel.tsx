import { createEffect, createResource, createSignal, For, Match, on, Show, Switch } from 'solid-js'

import { localDateString } from '../../../shared/cards'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { useCardsStore } from './cards-store'
import { useMeeting } from './meeting-context'
import { createStep, listMeetingSteps } from './next-steps-api'
import { NextStepsForm } from './NextStepsForm'
import { NextStepsItem } from './NextStepsItem'

/**
 * Shows the meeting's next steps: those made here and the team's open ones carried forward from
 * earlier meetings, which can be ticked off here. The list reloads whenever any meeting of the
 * team changes a next step.
 */
export function NextStepsPanel() {
  const { meeting, room } = useMeeting()
  const store = useCardsStore(room, meeting)
  const [steps, { refetch }] = createResource(() => meeting.id, listMeetingSteps)
  const [adding, setAdding] = createSignal(false)
  const [status, setStatus] = createSignal('')
  const today = localDateString()

  createEffect(on(store.nextStepsVersion, () => void refetch(), { defer: true }))

  const own = () => (steps.latest ?? []).filter((step) => !step.carried)
  const carried = () => (steps.latest ?? []).filter((step) => step.carried)

  return (
    <section class="next-steps-panel" aria-labelledby="next-steps-title">
      <div class="cards-panel__head">
        <h2 id="next-steps-title">Next steps</h2>
        <Show when={room.canEdit() && !adding()}>
          <button type="button" class="button button--small" onClick={() => setAdding(true)}>
            Add next step
          </button>
        </Show>
      </div>

      <Show when={adding()}>
        <NextStepsForm
          teamId={meeting.teamId}
          submitLabel="Add next step"
          onSubmit={(input) => createStep(meeting.id, input)}
          onDone={() => {
            setAdding(false)
            setStatus('Next step added.')
            void refetch()
          }}
          onCancel={() => setAdding(false)}
        />
      </Show>

      <p class="cards-panel__status" role="status">
        {status()}
      </p>

      <Switch>
        <Match when={steps.error}>
          <ErrorPanel
            title="The next steps could not be loaded."
            error={steps.error}
            onRetry={() => void refetch()}
          />
        </Match>
        <Match when={steps.latest}>
          <Show when={carried().length > 0}>
            <h3 class="next-steps__heading">Open from earlier meetings</h3>
            <ul class="next-steps-list" aria-label="Open from earlier meetings">
              <For each={carried()}>
                {(step) => (
                  <NextStepsItem
                    step={step}
                    today={today}
                    onChanged={setStatus}
                    onRefresh={refetch}
                  />
                )}
              </For>
            </ul>
          </Show>
          <Show
            when={own().length > 0}
            fallback={<p class="meta">No next steps from this meeting yet.</p>}
          >
            <ul class="next-steps-list" aria-label="Next steps from this meeting">
              <For each={own()}>
                {(step) => (
                  <NextStepsItem
                    step={step}
                    today={today}
                    onChanged={setStatus}
                    onRefresh={refetch}
                  />
                )}
              </For>
            </ul>
          </Show>
        </Match>
        <Match when={steps.loading}>
          <Loading label="Loading next steps…" />
        </Match>
      </Switch>
    </section>
  )
}
