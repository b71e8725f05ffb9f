import { Show } from 'solid-js'

import { useMeetingTimer } from './timer-context'
import { formatCountdown, statusLabels } from './timer-format'

export interface CountdownProps {
  /** Larger type for the presenter view. */
  size?: 'normal' | 'presenter'
}

/**
 * The current phase's countdown. Overtime counts up with a plus sign, the word "over" and a
 * "Time is up" label, so it does not rely on color.
 */
export function Countdown(props: CountdownProps) {
  const timer = useMeetingTimer()
  const remaining = () => timer.remainingMs()
  const overtime = () => (remaining() ?? 0) <= 0 && timer.state()?.status !== 'idle'
  const status = () => timer.state()?.status ?? 'idle'
  const ended = () => status() === 'ended'

  return (
    <div
      class="countdown"
      classList={{
        'countdown--presenter': props.size === 'presenter',
        'countdown--overtime': overtime() && !ended(),
        'countdown--paused': status() === 'paused',
        'countdown--stale': timer.stale() && !ended(),
      }}
    >
      <div class="countdown__status">
        <Show
          when={timer.stale() && !ended()}
          fallback={<span class="countdown__badge">{statusLabels[status()]}</span>}
        >
          <span class="countdown__badge countdown__badge--alert">
            Connection lost: showing the last known time
          </span>
        </Show>
        <Show when={overtime() && !ended() && !timer.stale()}>
          <span class="countdown__badge countdown__badge--alert">Time is up</span>
        </Show>
      </div>
      {/* An ended meeting has no time left to show; the badge says it ended. */}
      <Show when={!ended()}>
        <div role="timer" class="countdown__time">
          <Show
            when={remaining() !== undefined}
            fallback={<span class="countdown__digits">–:––</span>}
          >
            <span class="countdown__digits">{formatCountdown(remaining()!)}</span>
            <span class="countdown__unit">{(remaining() ?? 0) < 0 ? 'over' : 'left'}</span>
          </Show>
        </div>
      </Show>
    </div>
  )
}
