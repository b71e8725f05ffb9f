import { Show } from 'solid-js'

import { feedbackKindLabels, phaseCardKinds, speakerModeLabels } from '../../../shared/protocols'
import { createChime } from './chime'
import { Countdown } from './Countdown'
import { PresenterView } from './PresenterView'
import { TimerAnnouncer } from './TimerAnnouncer'
import { TimerControls } from './TimerControls'
import { useMeetingTimer, usePhaseFollower } from './timer-context'
import './timer.css'

/**
 * The shared timer: the current phase, its countdown, who speaks, the facilitator's controls
 * (others see the state without them), the chime switch and the presenter view.
 */
export function TimerPanel() {
  const timer = useMeetingTimer()
  const follower = usePhaseFollower()
  const chime = createChime()
  const phase = () => timer.currentPhase()

  return (
    <section class="timer-panel" id="timer-panel" tabIndex={-1} aria-labelledby="timer-panel-title">
      <h2 id="timer-panel-title" class="timer-panel__title">
        <span class="meta">
          Phase {timer.phaseIndex() + 1} of {timer.phases.length}
        </span>{' '}
        <span class="timer-panel__phase">{phase()?.title}</span>
      </h2>
      <Countdown />
      <Show when={phase()?.speakers}>
        {(speakers) => <p class="timer-panel__speakers">{speakerModeLabels[speakers()]}</p>}
      </Show>
      <Show when={phase() && phaseCardKinds(phase()!).length > 0}>
        <p class="timer-panel__cards meta">
          Cards:{' '}
          {phaseCardKinds(phase()!)
            .map((kind) => feedbackKindLabels[kind])
            .join(', ')}
        </p>
      </Show>

      <Show when={!follower.following() || follower.missed()}>
        <button type="button" class="button timer-panel__follow" onClick={follower.returnToCurrent}>
          Go to the current phase
        </button>
      </Show>

      <Show
        when={timer.canControl()}
        fallback={
          <p class="meta timer-panel__driver">
            <Show when={timer.state()?.status !== 'ended'} fallback="The meeting has ended.">
              The facilitator runs the timer.
            </Show>
          </p>
        }
      >
        <TimerControls />
      </Show>

      <div class="timer-panel__options">
        <label class="timer-panel__mute">
          <input
            type="checkbox"
            checked={chime.muted()}
            onChange={(event) => chime.setMuted(event.currentTarget.checked)}
          />{' '}
          Mute the chime
        </label>
        <PresenterView />
      </div>
      <TimerAnnouncer chime={chime} />
    </section>
  )
}
