import { createSignal, createUniqueId, For } from 'solid-js'

import { cardKindLabels, invitedCardKinds, type Card, type CardKind } from '../../../shared/cards'
import type { CardChanges } from './cards-store'
import { useMeeting } from './meeting-context'

export interface CardsEditFormProps {
  card: Card
  busy: boolean
  onSave: (changes: CardChanges) => void
  onCancel: () => void
}

/** Edits a card's text and kind in place; the typed text stays until it is saved or cancelled. */
export function CardsEditForm(props: CardsEditFormProps) {
  const { meeting } = useMeeting()
  const id = createUniqueId()
  // Read once: the form edits its own copy while others' changes arrive.
  const [text, setText] = createSignal(props.card.text)
  const [kind, setKind] = createSignal<CardKind>(props.card.kind)
  const [error, setError] = createSignal<string>()
  const kinds = () => {
    const phase = meeting.phases.find((candidate) => candidate.id === props.card.phaseId)
    const invited = invitedCardKinds(phase)
    return invited.includes(props.card.kind) ? invited : [props.card.kind, ...invited]
  }

  function submit(event: SubmitEvent) {
    event.preventDefault()
    const trimmed = text().trim()
    if (!trimmed) {
      setError('A card needs some text; delete the card instead to remove it.')
      return
    }
    setError(undefined)
    props.onSave({ text: trimmed, kind: kind() })
  }

  return (
    <form class="cards-edit" onSubmit={submit} noValidate>
      <label for={`${id}-kind`}>Card kind</label>
      <select
        id={`${id}-kind`}
        value={kind()}
        onChange={(event) => setKind(event.currentTarget.value as CardKind)}
      >
        <For each={kinds()}>
          {(option) => <option value={option}>{cardKindLabels[option]}</option>}
        </For>
      </select>
      <label for={`${id}-text`}>Edit card text</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={2000}
        value={text()}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <p class="field__error" id={`${id}-error`} role="alert">
        {error()}
      </p>
      <div class="cards-edit__buttons">
        <button type="submit" class="button button--small button--primary" disabled={props.busy}>
          Save
        </button>
        <button type="button" class="button button--small" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  )
}
