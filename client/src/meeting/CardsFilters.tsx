import { createUniqueId, For } from 'solid-js'

import {
  cardKindLabels,
  cardKinds,
  isCardKind,
  type CardKind,
  type CardSort,
} from '../../../shared/cards'
import type { Phase } from '../types'

export interface CardsFiltersProps {
  phases: Phase[]
  sort: CardSort
  kind: CardKind | null
  phaseId: string | null
  onSort: (sort: CardSort) => void
  onKind: (kind: CardKind | null) => void
  onPhase: (phaseId: string | null) => void
}

/** Sorts the card list by votes or time and filters it by kind and phase. */
export function CardsFilters(props: CardsFiltersProps) {
  const id = createUniqueId()

  return (
    <div class="cards-filters" role="group" aria-label="Sort and filter cards">
      <label for={`${id}-sort`}>Sort</label>
      <select
        id={`${id}-sort`}
        value={props.sort}
        onChange={(event) => props.onSort(event.currentTarget.value === 'votes' ? 'votes' : 'time')}
      >
        <option value="time">Newest first</option>
        <option value="votes">Most votes</option>
      </select>

      <label for={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        value={props.kind ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value
          props.onKind(isCardKind(value) ? value : null)
        }}
      >
        <option value="">All kinds</option>
        <For each={[...cardKinds]}>
          {(kind) => <option value={kind}>{cardKindLabels[kind]}</option>}
        </For>
      </select>

      <label for={`${id}-phase`}>Phase</label>
      <select
        id={`${id}-phase`}
        value={props.phaseId ?? ''}
        onChange={(event) => props.onPhase(event.currentTarget.value || null)}
      >
        <option value="">All phases</option>
        <For each={props.phases}>{(phase) => <option value={phase.id}>{phase.title}</option>}</For>
      </select>
    </div>
  )
}
