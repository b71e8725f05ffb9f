import { createSignal, createUniqueId, Show } from 'solid-js'

import { isOverdue } from '../../../shared/cards'
import { errorMessage } from '../api'
import { useMeeting } from './meeting-context'
import { deleteStep, formatDueDate, updateStep, type NextStep } from './next-steps-api'

export interface NextStepsItemProps {
  step: NextStep
  /** Today as `YYYY-MM-DD` in the user's time zone, for marking overdue steps. */
  today: string
  onChanged: (message: string) => void
  onRefresh: () => void
}

/** Shows one next step with a box to tick it off, its owner and due date, marked when overdue. */
export function NextStepsItem(props: NextStepsItemProps) {
  const { meeting, room, user } = useMeeting()
  const id = createUniqueId()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const overdue = () => isOverdue(props.step, props.today)
  const canDelete = () =>
    room.canEdit() &&
    !props.step.carried &&
    (room.role() === 'facilitator' || props.step.createdBy === user.id)

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      props.onChanged(message)
      props.onRefresh()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li
      class="next-step"
      classList={{ 'next-step--done': props.step.done, 'next-step--overdue': overdue() }}
    >
      <div class="next-step__main">
        <input
          id={id}
          type="checkbox"
          checked={props.step.done}
          disabled={busy() || !room.canEdit()}
          onChange={(event) => {
            const done = event.currentTarget.checked
            void run(
              () => updateStep(meeting.id, props.step.id, { done }),
              done ? 'Next step ticked off.' : 'Next step reopened.',
            )
          }}
        />
        <label for={id}>{props.step.text}</label>
      </div>
      <p class="meta next-step__meta">
        {props.step.ownerName ?? 'Former member'} · due{' '}
        <time datetime={props.step.dueDate}>{formatDueDate(props.step.dueDate)}</time>
        <Show when={overdue()}>
          {' '}
          <span class="next-step__overdue">Overdue</span>
        </Show>
        <Show when={props.step.carried}> · from {props.step.meetingTitle}</Show>
      </p>
      <Show when={canDelete()}>
        <button
          type="button"
          class="button button--small button--quiet"
          disabled={busy()}
          aria-label={`Delete next step: ${props.step.text}`}
          onClick={() =>
            void run(() => deleteStep(meeting.id, props.step.id), 'Next step deleted.')
          }
        >
          Delete
        </button>
      </Show>
      <Show when={error()}>
        <p class="field__error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  )
}
