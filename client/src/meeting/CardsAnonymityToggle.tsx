import { createSignal, createUniqueId, Show } from 'solid-js'

import { errorMessage } from '../api'
import type { CardsStore } from './cards-store'

export interface CardsAnonymityToggleProps {
  store: CardsStore
}

/** Lets a facilitator switch anonymous cards on or off for the meeting. */
export function CardsAnonymityToggle(props: CardsAnonymityToggleProps) {
  const id = createUniqueId()
  const [saving, setSaving] = createSignal(false)
  const [error, setError] = createSignal<string>()

  async function change(anonymous: boolean) {
    setSaving(true)
    setError(undefined)
    try {
      await props.store.setAnonymous(anonymous)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <div class="cards-anonymity">
      <label for={id}>
        <input
          id={id}
          type="checkbox"
          checked={props.store.anonymous()}
          disabled={saving()}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        Anonymous cards
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        New cards are stored and shown without their author. Cards already posted keep their names.
      </p>
      <Show when={error()}>
        <p class="field__error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  )
}
