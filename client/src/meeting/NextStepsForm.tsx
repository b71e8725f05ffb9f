import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js'

import { isCalendarDate } from '../../../shared/cards'
import { ApiError, asSentence, errorMessage } from '../api'
import { listTeamMembers, type NextStepInput } from './next-steps-api'

export interface NextStepsFormProps {
  teamId: string
  /** The text the form starts with, such as a promoted card's. */
  initialText?: string
  /** The owner the form starts with; the signed-in user by default. */
  initialOwnerId?: string
  submitLabel: string
  onSubmit: (input: NextStepInput) => Promise<unknown>
  onDone?: () => void
  onCancel?: () => void
}

const fields = ['text', 'ownerId', 'dueDate'] as const
type FieldName = (typeof fields)[number]

/**
 * Asks for a next step's text, owner (a member of the team) and due date. What was typed stays
 * in the form when the server rejects it, with the reason next to the field it concerns.
 */
export function NextStepsForm(props: NextStepsFormProps) {
  const id = createUniqueId()
  const [members] = createResource(() => props.teamId, listTeamMembers)
  const [text, setText] = createSignal(props.initialText ?? '')
  const [ownerId, setOwnerId] = createSignal(props.initialOwnerId ?? '')
  const [dueDate, setDueDate] = createSignal('')
  const [errors, setErrors] = createSignal<Partial<Record<FieldName | 'form', string>>>({})
  const [saving, setSaving] = createSignal(false)

  function validate(): boolean {
    const found: Partial<Record<FieldName, string>> = {}
    if (!text().trim()) found.text = 'Say what will be done.'
    if (!ownerId()) found.ownerId = 'Choose who owns this step.'
    if (!dueDate()) found.dueDate = 'Choose a due date.'
    else if (!isCalendarDate(dueDate())) found.dueDate = 'Enter a real date, such as 2026-05-29.'
    setErrors(found)
    return Object.keys(found).length === 0
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    if (!validate()) {
      const form = event.currentTarget as HTMLFormElement
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setSaving(true)
    try {
      await props.onSubmit({ text: text().trim(), ownerId: ownerId(), dueDate: dueDate() })
      setText('')
      setDueDate('')
      props.onDone?.()
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.field : undefined
      if (failure instanceof ApiError && field && (fields as readonly string[]).includes(field)) {
        setErrors({ [field]: asSentence(failure.fieldMessage) })
      } else {
        setErrors({ form: errorMessage(failure) })
      }
    } finally {
      setSaving(false)
    }
  }

  const invalid = (name: FieldName) => (errors()[name] ? 'true' : undefined)
  const describedBy = (name: FieldName) => (errors()[name] ? `${id}-${name}-error` : undefined)
  const fieldError = (name: FieldName) => (
    <Show when={errors()[name]}>
      <p class="field__error" id={`${id}-${name}-error`}>
        {errors()[name]}
      </p>
    </Show>
  )

  return (
    <form class="next-steps-form" onSubmit={submit} noValidate>
      <label for={`${id}-text`}>Next step</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        maxLength={500}
        value={text()}
        aria-invalid={invalid('text')}
        aria-describedby={describedBy('text')}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      {fieldError('text')}

      <div class="next-steps-form__row">
        <div>
          <label for={`${id}-owner`}>Owner</label>
          <select
            id={`${id}-owner`}
            value={ownerId()}
            aria-invalid={invalid('ownerId')}
            aria-describedby={describedBy('ownerId')}
            onChange={(event) => setOwnerId(event.currentTarget.value)}
          >
            <option value="">{members.loading ? 'Loading members…' : 'Choose a member'}</option>
            <For each={members() ?? []}>
              {(member) => <option value={member.userId}>{member.name}</option>}
            </For>
          </select>
          {fieldError('ownerId')}
        </div>
        <div>
          <label for={`${id}-due`}>Due date</label>
          <input
            id={`${id}-due`}
            type="date"
            value={dueDate()}
            aria-invalid={invalid('dueDate')}
            aria-describedby={describedBy('dueDate')}
            onInput={(event) => setDueDate(event.currentTarget.value)}
          />
          {fieldError('dueDate')}
        </div>
      </div>

      <Show when={members.error}>
        <p class="field__error">
          The team's members could not be loaded: {errorMessage(members.error)}
        </p>
      </Show>
      <div role="alert" class="form-error-region">
        <Show when={errors().form}>
          <p class="form-error">{errors().form}</p>
        </Show>
      </div>

      <div class="cards-edit__buttons">
        <button type="submit" class="button button--small button--primary" disabled={saving()}>
          {saving() ? 'Saving…' : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button--small" onClick={() => props.onCancel?.()}>
            Cancel
          </button>
        </Show>
      </div>
    </form>
  )
}
