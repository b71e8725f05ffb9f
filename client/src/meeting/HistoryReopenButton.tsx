import { createSignal, Show } from 'solid-js'

import { errorMessage } from '../api'
import { reopenMeeting } from './history-api'
import { useMeeting } from './meeting-context'

/** Lets a facilitator reopen an ended meeting. The room's notice then makes it editable. */
export function HistoryReopenButton() {
  const { meeting, room } = useMeeting()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string>()

  async function reopen() {
    setBusy(true)
    setError(undefined)
    try {
      await reopenMeeting(meeting.id)
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={room.role() === 'facilitator' && room.meetingState() === 'ended'}>
      <button type="button" class="button" disabled={busy()} onClick={reopen}>
        {busy() ? 'Reopening…' : 'Reopen meeting'}
      </button>
      <Show when={error()}>
        <span class="field__error" role="alert">
          {error()}
        </span>
      </Show>
    </Show>
  )
}
