import { For, Show, useContext } from 'solid-js'

import type { Phase } from '../types'
import { phaseElementId } from './phase-follower'
import { FollowerContext, TimerContext } from './timer-context'
import { formatActual } from './timer-format'
import './timer.css'

export interface AgendaRailProps {
  phases: Phase[]
}

type PhaseProgress = 'done' | 'current' | 'upcoming' | 'skipped'

const progressLabels: Record<PhaseProgress, string> = {
  done: 'done',
  current: 'current phase',
  upcoming: 'upcoming',
  skipped: 'not reached',
}

/**
 * The protocol's phases in order, linking to each phase's notes: planned minutes, whether each
 * is done, current, upcoming or (after the end) not reached, and the time it took so far. Without a timer (outside
 * `<MeetingTimerProvider>`) it lists the phases and their minutes only.
 */
export function AgendaRail(props: AgendaRailProps) {
  const timer = useContext(TimerContext)
  const follower = useContext(FollowerContext)
  const totalMinutes = () => props.phases.reduce((sum, phase) => sum + phase.minutes, 0)

  const progress = (index: number): PhaseProgress | undefined => {
    const state = timer?.state()
    if (!state) return undefined
    if (state.status === 'ended') return index <= state.phaseIndex ? 'done' : 'skipped'
    if (index < state.phaseIndex) return 'done'
    return index === state.phaseIndex ? 'current' : 'upcoming'
  }

  // Refreshed with the countdown, so the current phase's actual time grows as it runs.
  const actualMs = (index: number): number => {
    const state = timer?.state()
    if (!state) return 0
    const stored = state.actualMs[index] ?? 0
    if (state.status !== 'running' || index !== state.phaseIndex) return stored
    const stretch = Math.max(0, state.remainingMs - (timer!.remainingMs() ?? state.remainingMs))
    return stored + stretch
  }

  return (
    <nav class="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title" class="agenda__title">
        Agenda <span class="meta">{totalMinutes()} min</span>
      </h2>
      <ol class="agenda__phases">
        <For each={props.phases}>
          {(phase, index) => {
            const state = () => progress(index())
            const planned = () => phase.minutes * 60_000
            const actual = () => actualMs(index())
            return (
              <li
                class="agenda__phase"
                classList={{
                  'agenda__phase--done': state() === 'done',
                  'agenda__phase--current': state() === 'current',
                  'agenda__phase--upcoming': state() === 'upcoming',
                  'agenda__phase--skipped': state() === 'skipped',
                }}
                aria-current={state() === 'current' ? 'step' : undefined}
                data-phase-id={phase.id}
                data-progress={state()}
              >
                <a href={`#${phaseElementId(phase)}`} onClick={() => follower?.lookAt(index())}>
                  <span class="agenda__number" aria-hidden="true">
                    {state() === 'done' ? '✓' : index() + 1}
                  </span>
                  <span class="agenda__name">
                    {phase.title}
                    {/* A phase not reached says so in its visible minutes column. */}
                    <Show when={state() !== 'skipped' && state()}>
                      {(value) => <span class="visually-hidden"> ({progressLabels[value()]})</span>}
                    </Show>
                  </span>
                  <span class="agenda__minutes">
                    {state() === 'skipped' ? 'not reached' : `${phase.minutes} min`}
                  </span>
                  <Show when={actual() > 0}>
                    <span
                      class="agenda__actual"
                      classList={{ 'agenda__actual--over': actual() > planned() }}
                    >
                      {state() === 'current' ? 'so far' : 'took'} {formatActual(actual())}
                      <Show when={actual() > planned()}>
                        {' '}
                        (+{formatActual(actual() - planned())} over)
                      </Show>
                    </span>
                  </Show>
                </a>
              </li>
            )
          }}
        </For>
      </ol>
    </nav>
  )
}
