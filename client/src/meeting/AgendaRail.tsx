import { For } from 'solid-js'

import type { Phase } from '../types'

export interface AgendaRailProps {
  phases: Phase[]
}

/** Lists the protocol's phases in order with their minutes, linking to each phase's notes. */
export function AgendaRail(props: AgendaRailProps) {
  const totalMinutes = () => props.phases.reduce((sum, phase) => sum + phase.minutes, 0)

  return (
    <nav class="agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title" class="agenda__title">
        Agenda <span class="meta">{totalMinutes()} min</span>
      </h2>
      <ol class="agenda__phases">
        <For each={props.phases}>
          {(phase, index) => (
            <li class="agenda__phase" data-phase-id={phase.id}>
              <a href={`#phase-${phase.id}`}>
                <span class="agenda__number" aria-hidden="true">
                  {index() + 1}
                </span>
                <span class="agenda__name">{phase.title}</span>
                <span class="agenda__minutes">{phase.minutes} min</span>
              </a>
            </li>
          )}
        </For>
      </ol>
    </nav>
  )
}
