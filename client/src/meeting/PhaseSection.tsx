import { Show } from 'solid-js'

import type { Phase } from '../types'
import { PhaseNotes } from './PhaseNotes'

export interface PhaseSectionProps {
  phase: Phase
  index: number
}

/** Shows one phase of the protocol: its title, length, prompt and shared notes. */
export function PhaseSection(props: PhaseSectionProps) {
  const titleId = () => `phase-${props.phase.id}-title`

  return (
    <section
      class="phase"
      id={`phase-${props.phase.id}`}
      aria-labelledby={titleId()}
      data-phase-id={props.phase.id}
    >
      <header class="phase__header">
        <h2 id={titleId()}>
          <span class="phase__number">{props.index + 1}.</span> {props.phase.title}
        </h2>
        <span class="meta">{props.phase.minutes} min</span>
      </header>
      <Show when={props.phase.prompt}>
        <p class="phase__prompt">{props.phase.prompt}</p>
      </Show>
      <PhaseNotes phase={props.phase} />
    </section>
  )
}
