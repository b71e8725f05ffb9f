import { createEffect, createSignal, createUniqueId, For, on, onCleanup, Show } from 'solid-js'

import { cardKindLabels, invitedCardKinds, type CardKind } from '../../../shared/cards'
import { errorMessage } from '../api'
import type { Phase } from '../types'
import type { CardsStore } from './cards-store'

export interface CardsComposerProps {
  store: CardsStore
  /** The meeting's current phase, in which the card is posted. */
  phase: Phase | undefined
  onPosted: () => void
}

/**
 * Writes a card in the current phase, with a kind the phase invites. The others see only that
 * someone is writing, never the text, until the card is posted.
 */
export function CardsComposer(props: CardsComposerProps) {
  const id = createUniqueId()
  const kinds = () => invitedCardKinds(props.phase)
  const [kind, setKind] = createSignal<CardKind>(kinds()[0])
  const [text, setText] = createSignal('')
  const [posting, setPosting] = createSignal(false)
  const [error, setError] = createSignal<string>()

  // A new phase may not invite the chosen kind; its first invited kind takes over then.
  createEffect(
    on(kinds, (invited) => {
      if (!invited.includes(kind())) setKind(invited[0])
    }),
  )
  onCleanup(() => props.store.setDrafting(false))

  function input(value: string) {
    setText(value)
    props.store.setDrafting(value.trim() !== '')
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const trimmed = text().trim()
    if (!trimmed) {
      setError('Write something on the card first.')
      return
    }
    if (!props.phase) {
      setError('The meeting has no current phase to post in; reload the page and try again.')
      return
    }

    setPosting(true)
    setError(undefined)
    try {
      await props.store.post({ kind: kind(), text: trimmed, phaseId: props.phase.id })
      setText('')
      props.store.setDrafting(false)
      props.onPosted()
    } catch (failure) {
      // The text stays in the field, so nothing typed is lost.
      setError(errorMessage(failure))
    } finally {
      setPosting(false)
    }
  }

  return (
    <form class="cards-composer" onSubmit={submit} noValidate>
      <p class="meta">
        Posting in <strong>{props.phase?.title ?? 'no phase'}</strong>
      </p>
      <div class="cards-composer__row">
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
      </div>
      <label for={`${id}-text`}>Card text</label>
      <textarea
        id={`${id}-text`}
        rows={3}
        maxLength={2000}
        value={text()}
        placeholder="I noticed…"
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onInput={(event) => input(event.currentTarget.value)}
        onBlur={() => props.store.setDrafting(false)}
        onFocus={() => props.store.setDrafting(text().trim() !== '')}
      />
      <Show when={error()}>
        <p class="field__error" id={`${id}-error`} role="alert">
          {error()}
        </p>
      </Show>
      <button type="submit" class="button button--primary" disabled={posting()}>
        {posting() ? 'Posting…' : 'Post card'}
      </button>
    </form>
  )
}
