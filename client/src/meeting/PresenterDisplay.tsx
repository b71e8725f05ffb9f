import { Show } from 'solid-js'

import { speakerModeLabels } from '../../../shared/protocols'
import { Countdown } from './Countdown'
import { useMeetingTimer } from './timer-context'

/** The current phase and its countdown in large type, for a projector or a pop-out window. */
export function PresenterDisplay() {
  const timer = useMeetingTimer()
  const phase = () => timer.currentPhase()

  return (
    <div class="presenter-display">
      <p class="presenter-display__step">
        Phase {timer.phaseIndex() + 1} of {timer.phases.length}
      </p>
      <h2 class="presenter-display__title">{phase()?.title}</h2>
      <Countdown size="presenter" />
      <Show when={phase()?.speakers}>
        {(speakers) => <p class="presenter-display__speakers">{speakerModeLabels[speakers()]}</p>}
      </Show>
      <Show when={phase()?.prompt}>
        <p class="presenter-display__prompt">{phase()?.prompt}</p>
      </Show>
    </div>
  )
}
