import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'

import type { MeetingSummary } from '../types'

export interface MeetingListProps {
  /** Meetings newest first, as the API lists them. */
  meetings: MeetingSummary[]
  /** Whether the user can start meetings, which decides what the empty list suggests. */
  canStart: boolean
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const stateLabels: Record<MeetingSummary['state'], string> = {
  scheduled: 'Scheduled',
  live: 'Open',
  ended: 'Ended',
}

export function MeetingList(props: MeetingListProps) {
  return (
    <Show
      when={props.meetings.length > 0}
      fallback={
        <p class="empty">
          {props.canStart
            ? 'No meetings yet. Start one with the form.'
            : 'No meetings yet. Meetings that members start are listed here to follow.'}
        </p>
      }
    >
      <ul class="link-list" aria-label="Meetings">
        <For each={props.meetings}>
          {(meeting) => (
            <li>
              <A href={`/meetings/${meeting.id}`}>{meeting.title}</A>
              <span class="meta">
                <time datetime={new Date(meeting.createdAt).toISOString()}>
                  {dateFormat.format(meeting.createdAt)}
                </time>
                {' · '}
                {stateLabels[meeting.state] ?? meeting.state}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
