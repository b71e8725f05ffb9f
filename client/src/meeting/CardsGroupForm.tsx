import { createSignal, createUniqueId, For, Show } from 'solid-js'

export interface CardsGroupFormProps {
  current: string | null
  /** Titles already in use, suggested as the user types. */
  titles: string[]
  busy: boolean
  onSave: (title: string | null) => void
  onCancel: () => void
}

/** Puts a card under a group title, new or existing, or takes it out of its group. */
export function CardsGroupForm(props: CardsGroupFormProps) {
  const id = createUniqueId()
  const [title, setTitle] = createSignal(props.current ?? '')
  const [error, setError] = createSignal<string>()

  function submit(event: SubmitEvent) {
    event.preventDefault()
    const trimmed = title().trim()
    if (!trimmed) {
      setError('Name the group, such as "Pacing".')
      return
    }
    setError(undefined)
    props.onSave(trimmed)
  }

  return (
    <form class="cards-edit" onSubmit={submit} noValidate>
      <label for={id}>Group title</label>
      <input
        id={id}
        list={`${id}-titles`}
        maxLength={120}
        value={title()}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onInput={(event) => setTitle(event.currentTarget.value)}
      />
      <datalist id={`${id}-titles`}>
        <For each={props.titles}>{(existing) => <option value={existing} />}</For>
      </datalist>
      <p class="field__error" id={`${id}-error`} role="alert">
        {error()}
      </p>
      <div class="cards-edit__buttons">
        <button type="submit" class="button button--small button--primary" disabled={props.busy}>
          Group
        </button>
        <Show when={props.current}>
          <button
            type="button"
            class="button button--small"
            disabled={props.busy}
            onClick={() => props.onSave(null)}
          >
            Ungroup
          </button>
        </Show>
        <button type="button" class="button button--small" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  )
}
