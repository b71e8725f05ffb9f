import { createEffect, createSignal, on } from 'solid-js'

import type { Chime } from './chime'
import { useMeetingTimer } from './timer-context'
import { spokenDuration } from './timer-format'

export interface TimerAnnouncerProps {
  chime: Chime
}

/**
 * A polite live region that announces a phase change, one minute left and time up, and plays
 * the chime at time up. It speaks only at those moments, never every second.
 */
export function TimerAnnouncer(props: TimerAnnouncerProps) {
  const timer = useMeetingTimer()
  const [message, setMessage] = createSignal('')

  function announce(text: string) {
    // Clearing first makes screen readers read a message again even when it repeats.
    setMessage('')
    queueMicrotask(() => setMessage(text))
  }

  createEffect(
    on(
      () => timer.state()?.phaseIndex,
      (index, previous) => {
        if (index === undefined || previous === undefined || index === previous) return
        const phase = timer.phases[index]
        if (!phase) return
        announce(
          `Phase ${index + 1} of ${timer.phases.length}: ${phase.title}, ` +
            `${spokenDuration(phase.minutes * 60_000)}.`,
        )
      },
    ),
  )

  createEffect(
    on(
      () => timer.state()?.status,
      (status, previous) => {
        if (!status || previous === undefined || status === previous) return
        if (status === 'paused') announce('Timer paused.')
        if (status === 'running' && previous === 'paused') announce('Timer resumed.')
        if (status === 'running' && previous === 'idle') announce('Timer started.')
        if (status === 'ended') announce('The meeting has ended.')
      },
    ),
  )

  createEffect(
    on(
      () => [timer.remainingMs(), timer.phaseIndex()] as const,
      ([remaining, index], previous) => {
        if (remaining === undefined || !previous || previous[0] === undefined) return
        if (previous[1] !== index || timer.state()?.status !== 'running') return

        const before = previous[0]
        const title = timer.phases[index]?.title ?? 'this phase'
        if (before > 60_000 && remaining <= 60_000 && remaining > 0) {
          announce(`One minute left in ${title}.`)
        }
        if (before > 0 && remaining <= 0) {
          announce(`Time is up for ${title}.`)
          props.chime.play()
        }
      },
    ),
  )

  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {message()}
    </div>
  )
}
