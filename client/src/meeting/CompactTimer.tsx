import { Show } from 'solid-js'

import { useMeetingTimer } from './timer-context'
import { formatCountdown, statusLabels } from './timer-format'

/**
 * One line with the current phase and its time, for narrow screens where the full timer panel
 * follows the notes. It links to that panel. The panel contains the announced timer, so this line
 * is a plain summary.
 */
export function CompactTimer() {
  const timer = useMeetingTimer()
  const status = () => timer.state()?.status ?? 'idle'
  const remaining = () => timer.remainingMs()

  return (
    <div class="compact-timer" data-compact-timer>
      <span class="compact-timer__phase">
        {timer.phaseIndex() + 1}/{timer.phases.length} {timer.currentPhase()?.title}
      </span>
      <span class="compact-timer__time">
        <Show
          when={status() !== 'ended' && !timer.stale() && remaining() !== undefined}
          fallback={
            timer.stale() && status() !== 'ended' ? 'Connection lost' : statusLabels[status()]
          }
        >
          {formatCountdown(remaining()!)} {remaining()! < 0 ? 'over' : 'left'}
          <Show when={status() === 'paused'}> (paused)</Show>
        </Show>
      </span>
      <a
        class="compact-timer__link"
        href="#timer-panel"
        onClick={(event) => {
          // Moves the focus as well, so the keyboard continues from the panel.
          const panel = document.getElementById('timer-panel')
          if (!panel) return
          event.preventDefault()
          panel.focus()
        }}
      >
        Timer
      </a>
    </div>
  )
}
