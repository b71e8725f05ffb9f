import { createMemo, createSignal, For, Show } from 'solid-js'

import { filterCards, sortCards, type CardKind, type CardSort } from '../../../shared/cards'
import { CardsAnonymityToggle } from './CardsAnonymityToggle'
import { CardsComposer } from './CardsComposer'
import { CardsFilters } from './CardsFilters'
import { CardsItem } from './CardsItem'
import { useCardsStore } from './cards-store'
import { useMeeting } from './meeting-context'
import { useMeetingTimer } from './timer-context'
import './cards.css'

/**
 * Shows the meeting's live feedback cards: a composer for the current phase, the list with votes,
 * sorting and filters, and the author's and facilitator's actions on each card.
 */
export function CardsPanel() {
  const { meeting, room } = useMeeting()
  const timer = useMeetingTimer()
  const store = useCardsStore(room, meeting)
  const [sort, setSort] = createSignal<CardSort>('time')
  const [kind, setKind] = createSignal<CardKind | null>(null)
  const [phaseId, setPhaseId] = createSignal<string | null>(null)
  const [status, setStatus] = createSignal('')

  const isFacilitator = () => room.role() === 'facilitator'
  const canWrite = () => room.canEdit()

  const shown = createMemo(() => {
    // Members do not see cards a facilitator hid; facilitators see them marked.
    const cards = isFacilitator() ? store.cards() : store.cards().filter((card) => !card.hidden)
    return sortCards(filterCards(cards, { kind: kind(), phaseId: phaseId() }), sort())
  })

  // Lists are keyed by card id and group title, not by card object: every change reads fresh
  // objects, and an open edit form must survive someone else's vote.
  const cardById = createMemo(() => new Map(store.cards().map((card) => [card.id, card])))
  const idsByGroup = createMemo(() => {
    const byTitle = new Map<string, string[]>()
    for (const card of shown()) {
      const title = card.group ?? ''
      byTitle.set(title, [...(byTitle.get(title) ?? []), card.id])
    }
    return byTitle
  })
  const groupKeys = createMemo(() => [...idsByGroup().keys()])

  const groupTitles = createMemo(() => [
    ...new Set(store.cards().flatMap((card) => (card.group ? [card.group] : []))),
  ])

  const writingMessage = () => {
    const count = store.writing()
    if (count === 0) return ''
    return count === 1 ? 'Someone is writing a card…' : `${count} people are writing cards…`
  }

  return (
    <section class="cards-panel" aria-labelledby="cards-panel-title">
      <div class="cards-panel__head">
        <h2 id="cards-panel-title">Feedback cards</h2>
        <span class="meta">{store.cards().length} posted</span>
      </div>

      <Show when={isFacilitator() && room.meetingState() !== 'ended'}>
        <CardsAnonymityToggle store={store} />
      </Show>
      <Show when={store.anonymous()}>
        <p class="cards-panel__note">
          Cards are anonymous: new cards are posted without their author's name.
        </p>
      </Show>

      <Show when={canWrite()}>
        <CardsComposer
          store={store}
          phase={timer.currentPhase()}
          onPosted={() => setStatus('Card posted.')}
        />
      </Show>

      <p class="cards-panel__writing" aria-live="polite">
        {writingMessage()}
      </p>
      <p class="cards-panel__status" role="status">
        {status()}
      </p>

      <CardsFilters
        phases={meeting.phases}
        sort={sort()}
        kind={kind()}
        phaseId={phaseId()}
        onSort={setSort}
        onKind={setKind}
        onPhase={setPhaseId}
      />

      <Show
        when={shown().length > 0}
        fallback={
          <p class="meta">
            {store.cards().length === 0
              ? 'No cards yet. Cards posted by anyone in the meeting show here at once.'
              : 'No cards match these filters.'}
          </p>
        }
      >
        <For each={groupKeys()}>
          {(title) => (
            <div class="cards-group">
              <Show when={title}>
                <h3 class="cards-group__title">{title}</h3>
              </Show>
              <ul class="cards-list" aria-label={title ? `Cards in ${title}` : 'Cards'}>
                <For each={idsByGroup().get(title) ?? []}>
                  {(cardId) => (
                    <Show when={cardById().get(cardId)}>
                      {(card) => (
                        <CardsItem
                          card={card()}
                          store={store}
                          groupTitles={groupTitles()}
                          onStatus={setStatus}
                        />
                      )}
                    </Show>
                  )}
                </For>
              </ul>
            </div>
          )}
        </For>
      </Show>
    </section>
  )
}
