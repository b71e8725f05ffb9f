import { createSignal, Match, Show, Switch } from 'solid-js'

import { cardAuthorLabel, cardKindLabels, type Card } from '../../../shared/cards'
import { errorMessage } from '../api'
import { CardsEditForm } from './CardsEditForm'
import { CardsGroupForm } from './CardsGroupForm'
import { CardsPromoteForm } from './CardsPromoteForm'
import type { CardChanges, CardsStore } from './cards-store'
import { useMeeting } from './meeting-context'

export interface CardsItemProps {
  card: Card
  store: CardsStore
  /** Group titles already in use, offered when grouping. */
  groupTitles: string[]
  onStatus: (message: string) => void
}

type Mode = 'view' | 'edit' | 'group' | 'promote' | 'confirm-delete'

/** Shows one card with its votes and the actions its author or a facilitator may take. */
export function CardsItem(props: CardsItemProps) {
  const { meeting, room, user } = useMeeting()
  const [mode, setMode] = createSignal<Mode>('view')
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()

  const isFacilitator = () => room.role() === 'facilitator' && room.canEdit()
  const isAuthor = () =>
    props.card.authorId === user.id ||
    (props.card.anonymous && props.store.ownsAnonymous(props.card.id))
  const canChange = () => room.canEdit() && (isAuthor() || isFacilitator())
  const voted = () => props.card.voterIds.includes(user.id)
  const phaseTitle = () =>
    meeting.phases.find((phase) => phase.id === props.card.phaseId)?.title ?? 'another phase'
  const time = () =>
    new Date(props.card.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

  async function run(action: () => Promise<unknown>, done?: string) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      setMode('view')
      if (done) props.onStatus(done)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const change = (changes: CardChanges, done?: string) =>
    run(() => props.store.edit(props.card.id, changes), done)

  return (
    <li
      class="feedback-card"
      classList={{
        'feedback-card--hidden': props.card.hidden,
        'feedback-card--addressed': props.card.addressed,
      }}
      data-kind={props.card.kind}
      aria-label={`${cardKindLabels[props.card.kind]} card by ${cardAuthorLabel(props.card)}`}
    >
      <div class="feedback-card__head">
        <span class="feedback-card__kind">{cardKindLabels[props.card.kind]}</span>
        <Show when={props.card.hidden}>
          <span class="feedback-card__badge">Hidden</span>
        </Show>
        <Show when={props.card.addressed}>
          <span class="feedback-card__badge">Addressed</span>
        </Show>
        <Show when={props.card.nextStepId}>
          <span class="feedback-card__badge">Next step</span>
        </Show>
      </div>

      <Show
        when={mode() === 'edit'}
        fallback={<p class="feedback-card__text">{props.card.text}</p>}
      >
        <CardsEditForm
          card={props.card}
          busy={busy()}
          onSave={(changes) => change(changes, 'Card saved.')}
          onCancel={() => setMode('view')}
        />
      </Show>

      <p class="meta feedback-card__meta">
        {cardAuthorLabel(props.card)} · {phaseTitle()} ·{' '}
        <time datetime={new Date(props.card.createdAt).toISOString()}>{time()}</time>
        <Show when={props.card.editedAt}> · edited</Show>
      </p>

      <div class="feedback-card__actions">
        <Show
          when={room.canEdit()}
          fallback={<span class="feedback-card__votes">{props.card.voteCount} votes</span>}
        >
          <button
            type="button"
            class="button button--small"
            aria-pressed={voted() ? 'true' : 'false'}
            disabled={busy()}
            onClick={() => void run(() => props.store.vote(props.card.id, !voted()))}
          >
            {voted() ? 'Voted' : 'Vote'} · {props.card.voteCount}
          </button>
        </Show>
        <Show when={canChange() && mode() === 'view'}>
          <button
            type="button"
            class="button button--small button--quiet"
            onClick={() => setMode('edit')}
          >
            Edit
          </button>
          <button
            type="button"
            class="button button--small button--quiet"
            onClick={() => setMode('confirm-delete')}
          >
            Delete
          </button>
        </Show>
        <Show when={isFacilitator() && mode() === 'view'}>
          <button
            type="button"
            class="button button--small button--quiet"
            disabled={busy()}
            onClick={() => void change({ hidden: !props.card.hidden })}
          >
            {props.card.hidden ? 'Show' : 'Hide'}
          </button>
          <button
            type="button"
            class="button button--small button--quiet"
            disabled={busy()}
            onClick={() => void change({ addressed: !props.card.addressed })}
          >
            {props.card.addressed ? 'Mark open' : 'Mark addressed'}
          </button>
          <button
            type="button"
            class="button button--small button--quiet"
            onClick={() => setMode('group')}
          >
            Group
          </button>
          <Show when={!props.card.nextStepId}>
            <button
              type="button"
              class="button button--small button--quiet"
              onClick={() => setMode('promote')}
            >
              Make next step
            </button>
          </Show>
        </Show>
      </div>

      <Switch>
        <Match when={mode() === 'confirm-delete'}>
          <div class="feedback-card__confirm" role="alertdialog" aria-label="Delete this card?">
            <p>Delete this card for everyone?</p>
            <button
              type="button"
              class="button button--small cards-danger"
              disabled={busy()}
              onClick={() => void run(() => props.store.remove(props.card.id), 'Card deleted.')}
            >
              Delete card
            </button>
            <button type="button" class="button button--small" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </Match>
        <Match when={mode() === 'group'}>
          <CardsGroupForm
            current={props.card.group}
            titles={props.groupTitles}
            busy={busy()}
            onSave={(title) =>
              run(
                () => props.store.group([props.card.id], title),
                title ? `Grouped under ${title}.` : 'Card ungrouped.',
              )
            }
            onCancel={() => setMode('view')}
          />
        </Match>
        <Match when={mode() === 'promote'}>
          <CardsPromoteForm
            card={props.card}
            onPromoted={() => {
              setMode('view')
              props.onStatus('Next step created from the card.')
            }}
            onCancel={() => setMode('view')}
          />
        </Match>
      </Switch>

      <Show when={error()}>
        <p class="field__error" role="alert">
          {error()}
        </p>
      </Show>
    </li>
  )
}
