import { useParams } from '@solidjs/router'
import { createMemo, createResource, For, Match, onCleanup, Switch } from 'solid-js'

import { api } from '../api'
import { ErrorPanel } from '../components/ErrorPanel'
import { Loading } from '../components/Loading'
import { usePageTitle } from '../components/page-title'
import { AgendaRail } from '../meeting/AgendaRail'
import { CardsPanel } from '../meeting/CardsPanel'
import { CompactTimer } from '../meeting/CompactTimer'
import { ConnectionLostBanner } from '../meeting/ConnectionLostBanner'
import { keepFocusClearOfSticky } from '../meeting/focus-clear-of-sticky'
import { HistoryPanel } from '../meeting/HistoryPanel'
import { MeetingBanner } from '../meeting/MeetingBanner'
import { MeetingHeader } from '../meeting/MeetingHeader'
import { MeetingRoomProvider } from '../meeting/MeetingRoomProvider'
import { NextStepsPanel } from '../meeting/NextStepsPanel'
import { PhaseSection } from '../meeting/PhaseSection'
import { MeetingTimerProvider } from '../meeting/timer-context'
import { TimerPanel } from '../meeting/TimerPanel'
import { currentUser } from '../session'
import type { Meeting, TeamSummary } from '../types'
import '../meeting/meeting.css'

async function loadMeeting(meetingId: string) {
  const meeting = await api.get<Meeting>(`/api/meetings/${encodeURIComponent(meetingId)}`)
  // The team's name only labels the link back; the page works without it.
  const team = await api.get<TeamSummary>(`/api/teams/${meeting.teamId}`).catch(() => undefined)
  return { meeting, teamName: team?.name }
}

/** Moves the focus itself: following the link alone scrolls but leaves the focus behind. */
function skipToTimer(event: MouseEvent) {
  const panel = document.getElementById('timer-panel')
  if (!panel) return
  event.preventDefault()
  panel.focus()
}

/** Shows a meeting: the agenda, every phase's shared notes, and the side panels. */
export function MeetingPage() {
  const params = useParams<{ meetingId: string }>()
  const [loaded, { refetch }] = createResource(() => params.meetingId, loadMeeting)
  usePageTitle(() => (loaded.error ? undefined : loaded()?.meeting.title))

  // The room is opened once per meeting and user; a reload of the same meeting keeps it.
  const ready = createMemo(
    () => {
      const user = currentUser()
      if (loaded.error || !loaded() || !user) return undefined
      return { ...loaded()!, user }
    },
    undefined,
    { equals: (a, b) => a?.meeting.id === b?.meeting.id && a?.user.id === b?.user.id },
  )

  return (
    <Switch fallback={<Loading label="Loading meeting…" />}>
      <Match when={loaded.error}>
        <section class="page page--narrow">
          <ErrorPanel
            title="This meeting could not be opened."
            error={loaded.error}
            onRetry={refetch}
          />
        </section>
      </Match>
      <Match when={ready()} keyed>
        {(data) => (
          <MeetingRoomProvider meeting={data.meeting} teamName={data.teamName} user={data.user}>
            <MeetingTimerProvider>
              <div
                class="meeting"
                ref={(element) =>
                  onCleanup(keepFocusClearOfSticky(element, '.meeting-sticky, .timer-panel'))
                }
              >
                <a class="skip-link" href="#timer-panel" onClick={skipToTimer}>
                  Skip to timer
                </a>
                <MeetingHeader />
                <MeetingBanner />
                <div class="meeting-sticky">
                  <ConnectionLostBanner />
                  <CompactTimer />
                </div>
                <div class="meeting-body">
                  <AgendaRail phases={data.meeting.phases} />
                  <div class="meeting-main">
                    <For each={data.meeting.phases}>
                      {(phase, index) => <PhaseSection phase={phase} index={index()} />}
                    </For>
                  </div>
                  <aside class="meeting-side" aria-label="Meeting tools">
                    <TimerPanel />
                    <CardsPanel />
                    <NextStepsPanel />
                    <HistoryPanel />
                  </aside>
                </div>
              </div>
            </MeetingTimerProvider>
          </MeetingRoomProvider>
        )}
      </Match>
    </Switch>
  )
}
