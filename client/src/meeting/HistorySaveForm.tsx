import { createSignal, createUniqueId, Show } from 'solid-js'

import { errorMessage } from '../api'
import { saveSnapshot } from './history-api'

export interface HistorySaveFormProps {
  meetingId: string
  onSaved: (id: string) => void
}

/** Saves the meeting as it is now under a label, which stays in the field when saving fails. */
export function HistorySaveForm(props: HistorySaveFormProps) {
  const id = createUniqueId()
  const [label, setLabel] = createSignal('')
  const [saving, setSaving] = createSignal(false)
  const [error, setError] = createSignal<string>()

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const trimmed = label().trim()
    if (!trimmed) {
      setError('Give the snapshot a label, such as "Before feedback".')
      return
    }

    setSaving(true)
    setError(undefined)
    try {
      const saved = await saveSnapshot(props.meetingId, trimmed)
      setLabel('')
      props.onSaved(saved.id)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form class="history-save" onSubmit={submit} noValidate>
      <label for={id}>Snapshot label</label>
      <div class="history-save__row">
        <input
          id={id}
          name="label"
          maxLength={120}
          value={label()}
          placeholder="Before feedback"
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          onInput={(event) => setLabel(event.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={saving()}>
          {saving() ? 'Saving…' : 'Save snapshot'}
        </button>
      </div>
      <Show when={error()}>
        <p class="field__error" id={`${id}-error`} role="alert">
          {error()}
        </p>
      </Show>
    </form>
  )
}
