import { createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js'

import { cardKindLabels, type Card } from '../../../shared/cards'
import { errorMessage } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import {
  formatSnapshotTime,
  loadSnapshot,
  restoreSnapshot,
  type SnapshotEntry,
} from './history-api'
import { HistoryExportLinks } from './HistoryExportLinks'
import { InlineConfirm } from './InlineConfirm'

export interface SnapshotViewProps {
  meetingId: string
  snapshot: SnapshotEntry
  canRestore: boolean
  onClose: () => void
  onRestored: (snapshot: SnapshotEntry) => void
}

/**
 * Shows one snapshot read-only beside the live meeting: every phase's notes and the cards as
 * they were. A facilitator restores it after confirming.
 */
export function SnapshotView(props: SnapshotViewProps) {
  const [content, { refetch }] = createResource(
    () => props.snapshot.id,
    (id) => loadSnapshot(props.meetingId, id),
  )
  const [confirming, setConfirming] = createSignal(false)
  const [restoring, setRestoring] = createSignal(false)
  const [error, setError] = createSignal<string>()
  let heading: HTMLHeadingElement | undefined
  let restoreButton: HTMLButtonElement | undefined

  onMount(() => heading?.focus())

  async function restore() {
    setRestoring(true)
    setError(undefined)
    try {
      await restoreSnapshot(props.meetingId, props.snapshot.id)
      props.onRestored(props.snapshot)
    } catch (failure) {
      setError(errorMessage(failure))
      setRestoring(false)
    }
  }

  return (
    <section
      class="snapshot-view"
      role="dialog"
      aria-labelledby="snapshot-view-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose()
      }}
    >
      <header class="snapshot-view__header">
        <div>
          <p class="meta">Snapshot (read-only)</p>
          <h2 id="snapshot-view-title" tabindex="-1" ref={heading}>
            {props.snapshot.label}
          </h2>
          <p class="meta">
            {formatSnapshotTime(props.snapshot.createdAt)} · {props.snapshot.author} ·{' '}
            {props.snapshot.phaseTitle}
          </p>
        </div>
        <button type="button" class="button button--quiet" onClick={() => props.onClose()}>
          Close
        </button>
      </header>

      <div class="snapshot-view__actions">
        <HistoryExportLinks meetingId={props.meetingId} snapshotId={props.snapshot.id} />
        <Show when={props.canRestore}>
          <button
            ref={restoreButton}
            type="button"
            class="button button--primary"
            aria-expanded={confirming()}
            onClick={() => setConfirming(true)}
          >
            Restore this snapshot
          </button>
        </Show>
      </div>

      <Show when={confirming()}>
        <InlineConfirm
          question={`Restore “${props.snapshot.label}”? Everyone's notes and cards will be replaced by this snapshot. The current state is kept as a snapshot, so you can undo the restore.`}
          confirmLabel="Restore"
          busyLabel="Restoring…"
          busy={restoring()}
          error={error()}
          onConfirm={() => void restore()}
          onCancel={() => {
            setConfirming(false)
            restoreButton?.focus()
          }}
        />
      </Show>

      <Switch>
        <Match when={content.error}>
          <ErrorPanel
            title="This snapshot could not be loaded."
            error={content.error}
            onRetry={refetch}
          />
        </Match>
        <Match when={content()}>
          {(loaded) => (
            <div class="snapshot-view__body">
              <For each={loaded().phases}>
                {(phase, index) => (
                  <section class="snapshot-view__phase" aria-label={`${phase.title} notes`}>
                    <h3>
                      {index() + 1}. {phase.title}
                    </h3>
                    <Show when={phase.notesHtml} fallback={<p class="meta">No notes.</p>}>
                      {/* The server builds this HTML from the notes and escapes all their text. */}
                      <div class="snapshot-view__notes" innerHTML={phase.notesHtml} />
                    </Show>
                  </section>
                )}
              </For>
              <section class="snapshot-view__cards" aria-label="Cards">
                <h3>Cards</h3>
                <Show when={loaded().cards.length > 0} fallback={<p class="meta">No cards.</p>}>
                  <ul>
                    <For each={loaded().cards}>{(card) => <SnapshotViewCard card={card} />}</For>
                  </ul>
                </Show>
              </section>
            </div>
          )}
        </Match>
        <Match when={content.loading}>
          <Loading label="Loading snapshot…" />
        </Match>
      </Switch>
    </section>
  )
}

function SnapshotViewCard(props: { card: Card }) {
  const votes = () => (props.card.voteCount === 1 ? '1 vote' : `${props.card.voteCount} votes`)
  const author = () =>
    props.card.anonymous || !props.card.authorName ? 'anonymous' : props.card.authorName
  return (
    <li class="snapshot-view__card">
      <span class="snapshot-view__card-kind">
        {cardKindLabels[props.card.kind] ?? props.card.kind}
      </span>
      <span>{props.card.text}</span>
      <span class="meta">
        {author()} · {votes()}
      </span>
    </li>
  )
}
