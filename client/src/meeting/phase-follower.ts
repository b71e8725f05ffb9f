import { createEffect, createSignal, on, type Accessor } from 'solid-js'

import type { Phase } from '../types'

export interface PhaseFollower {
  /** Whether the view follows the current phase as the facilitator moves it. */
  following: Accessor<boolean>
  /** Set when the phase moved while following but the view stayed, because the user was typing. */
  missed: Accessor<boolean>
  /** Stops following, because the user went to look at another phase. */
  lookAt(index: number): void
  /** Follows again and shows the current phase. */
  returnToCurrent(): void
}

/** Returns the element id of a phase's section on the meeting page. */
export function phaseElementId(phase: Phase): string {
  return `phase-${phase.id}`
}

/** Tells whether the user is typing in a notes editor or a form field right now. */
function isTyping(): boolean {
  const active = document.activeElement
  if (!(active instanceof HTMLElement)) return false
  return active.isContentEditable || active.closest('input, textarea, select') !== null
}

/**
 * Keeps everyone on the current phase by default: when the facilitator moves on, the new
 * phase scrolls into view and is marked current. Someone looking at another phase stays there
 * until they return. Someone typing is never moved: every phase keeps its own editor mounted,
 * so the text goes on into the phase they are typing in, and a button offers the way over.
 */
export function createPhaseFollower(phases: Phase[], phaseIndex: Accessor<number>): PhaseFollower {
  const [following, setFollowing] = createSignal(true)
  const [missed, setMissed] = createSignal(false)

  function show(index: number) {
    const phase = phases[index]
    if (!phase) return
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    document
      .getElementById(phaseElementId(phase))
      ?.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' })
  }

  // Marks the current phase's section, which the page renders, for styles and assistive tech.
  createEffect(() => {
    const current = phaseIndex()
    phases.forEach((phase, index) => {
      const section = document.getElementById(phaseElementId(phase))
      if (!section) return
      section.classList.toggle('phase--current', index === current)
      if (index === current) section.setAttribute('aria-current', 'step')
      else section.removeAttribute('aria-current')
    })
  })

  createEffect(
    on(
      phaseIndex,
      (index, previous) => {
        if (previous === undefined || index === previous || !following()) return
        if (isTyping()) {
          setMissed(true)
          return
        }
        setMissed(false)
        show(index)
      },
      { defer: true },
    ),
  )

  return {
    following,
    missed,
    lookAt(index) {
      const isCurrent = index === phaseIndex()
      setFollowing(isCurrent)
      setMissed(false)
    },
    returnToCurrent() {
      setFollowing(true)
      setMissed(false)
      show(phaseIndex())
    },
  }
}
