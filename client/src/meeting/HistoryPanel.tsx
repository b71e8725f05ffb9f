import { createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js'

import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { formatSnapshotTime, listSnapshots, type SnapshotEntry } from './history-api'
import { HistoryExportLinks } from './HistoryExportLinks'
import { HistoryReopenButton } from './HistoryReopenButton'
import { HistorySaveForm } from './HistorySaveForm'
import { useMeeting } from './meeting-context'
import { SnapshotView } from './SnapshotView'
import './history.css'

/**
 * Shows the meeting's history: its snapshots, newest first, a form to save one, and the record's
 * export links. Opening a snapshot shows it read-only beside the live meeting.
 */
export function HistoryPanel() {
  const { meeting, room } = useMeeting()
  const [snapshots, { refetch }] = createResource(() => meeting.id, listSnapshots)
  const [open, setOpen] = createSignal<SnapshotEntry>()
  const [status, setStatus] = createSignal('')
  let opener: HTMLElement | undefined

  const stop = room.onNotice((notice) => {
    if (notice.kind === 'snapshot-saved' || notice.kind === 'meeting-state') void refetch()
    if (notice.kind === 'restored') {
      const label = snapshots.latest?.find((entry) => entry.id === notice.snapshotId)?.label
      setStatus(label ? `“${label}” was restored.` : 'A snapshot was restored.')
      void refetch()
    }
  })
  onCleanup(stop)

  const canSave = () => room.role() !== 'observer' && room.meetingState() !== 'ended'
  const canRestore = () => room.role() === 'facilitator' && room.meetingState() !== 'ended'

  function close() {
    setOpen(undefined)
    opener?.focus()
  }

  return (
    <section class="history-panel" aria-labelledby="history-panel-title">
      <div class="history-panel__head">
        <h2 id="history-panel-title">History</h2>
        <button type="button" class="button button--quiet" onClick={() => void refetch()}>
          Refresh
        </button>
      </div>

      <Show when={room.meetingState() === 'ended'}>
        <div class="history-panel__ended">
          <p>This meeting has ended and is read-only.</p>
          <HistoryReopenButton />
        </div>
      </Show>

      <HistoryExportLinks meetingId={meeting.id} />

      <Show when={canSave()}>
        <HistorySaveForm
          meetingId={meeting.id}
          onSaved={() => {
            setStatus('Snapshot saved.')
            void refetch()
          }}
        />
      </Show>

      <p class="history-panel__status" role="status">
        {status()}
      </p>

      <Switch>
        <Match when={snapshots.error}>
          <ErrorPanel
            title="The history could not be loaded."
            error={snapshots.error}
            onRetry={() => void refetch()}
          />
        </Match>
        <Match when={snapshots.latest?.length === 0}>
          <p class="meta">
            No snapshots yet. One is saved at every phase change, when the meeting ends, and
            whenever someone saves one.
          </p>
        </Match>
        <Match when={snapshots.latest}>
          {(entries) => (
            <ul class="history-list" aria-label="Snapshots">
              <For each={entries()}>
                {(entry) => (
                  <li>
                    <button
                      type="button"
                      class="history-item"
                      aria-current={open()?.id === entry.id ? 'true' : undefined}
                      onClick={(event) => {
                        opener = event.currentTarget
                        setOpen(entry)
                      }}
                    >
                      <span class="history-item__label">{entry.label}</span>
                      <span class="meta">
                        {formatSnapshotTime(entry.createdAt)} · {entry.author}
                        <Show when={entry.phaseTitle}> · {entry.phaseTitle}</Show>
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
        <Match when={snapshots.loading}>
          <Loading label="Loading history…" />
        </Match>
      </Switch>

      <Show when={open()} keyed>
        {(entry) => (
          <SnapshotView
            meetingId={meeting.id}
            snapshot={entry}
            canRestore={canRestore()}
            onClose={close}
            onRestored={(restored) => {
              setStatus(`“${restored.label}” was restored.`)
              close()
              void refetch()
            }}
          />
        )}
      </Show>
    </section>
  )
}
