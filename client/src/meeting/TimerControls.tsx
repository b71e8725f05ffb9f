import { createSignal, onCleanup, onMount, Show } from 'solid-js'

import type { TimerAction } from '../../../shared/timer'
import { InlineConfirm } from './InlineConfirm'
import { useMeetingTimer } from './timer-context'

/** Tells whether a key press belongs to a field or editor the user is typing in. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  return target.closest('input, textarea, select, [contenteditable], [role="textbox"]') !== null
}

/** Tells whether space on this element already activates it, as on a button or a link. */
function activatesOnSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, [role="button"]') !== null
}

/**
 * The facilitator's timer buttons, with shortcuts: space pauses or resumes (or starts), left
 * and right arrows move between phases. Shortcuts are off while typing in any field or editor.
 */
export function TimerControls() {
  const timer = useMeetingTimer()
  const status = () => timer.state()?.status ?? 'idle'
  const index = () => timer.phaseIndex()
  const last = () => timer.phases.length - 1
  const busy = () => timer.pending() || !timer.canControl()

  const run = (action: TimerAction) => void timer.act(action)

  function toggle() {
    if (status() === 'idle') run({ action: 'start' })
    else if (status() === 'running') run({ action: 'pause' })
    else if (status() === 'paused') run({ action: 'resume' })
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
    // A held key repeats; moving several phases for one long press would surprise.
    if (event.repeat) return
    if (isTypingTarget(event.target) || !timer.canControl()) return

    if (event.key === ' ') {
      // The focused button acts on its own; toggling here as well would act twice.
      if (activatesOnSpace(event.target)) return
      event.preventDefault()
      toggle()
    } else if (event.key === 'ArrowRight' && index() < last()) {
      event.preventDefault()
      run({ action: 'next' })
    } else if (event.key === 'ArrowLeft' && index() > 0) {
      event.preventDefault()
      run({ action: 'previous' })
    }
  }

  onMount(() => window.addEventListener('keydown', onKeyDown))
  onCleanup(() => window.removeEventListener('keydown', onKeyDown))

  const [confirming, setConfirming] = createSignal<'end' | 'reset'>()
  let resetButton: HTMLButtonElement | undefined
  let endButton: HTMLButtonElement | undefined

  function cancelConfirm() {
    const asked = confirming()
    setConfirming(undefined)
    ;(asked === 'end' ? endButton : resetButton)?.focus()
  }

  async function confirmAction() {
    const asked = confirming()
    if (!asked) return
    const done = await timer.act({ action: asked })
    setConfirming(undefined)
    if (asked === 'reset') resetButton?.focus()
    // Ending removes these controls, so focus goes to the timer panel, which shows that it ended.
    else if (done) document.getElementById('timer-panel')?.focus()
    else endButton?.focus()
  }

  return (
    <div class="timer-controls" role="group" aria-label="Timer controls">
      <div class="timer-controls__row">
        <button
          type="button"
          class="button"
          disabled={busy() || index() === 0}
          onClick={() => run({ action: 'previous' })}
          aria-keyshortcuts="ArrowLeft"
        >
          ← Previous
        </button>
        <button
          type="button"
          class="button button--primary timer-controls__main"
          disabled={busy()}
          onClick={toggle}
          aria-keyshortcuts="Space"
        >
          {status() === 'idle' ? 'Start' : status() === 'running' ? 'Pause' : 'Resume'}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy() || index() >= last()}
          onClick={() => run({ action: 'next' })}
          aria-keyshortcuts="ArrowRight"
        >
          Next →
        </button>
      </div>
      <div class="timer-controls__row">
        <button
          type="button"
          class="button button--quiet"
          disabled={busy()}
          onClick={() => run({ action: 'extend', seconds: -60 })}
        >
          −1 min
        </button>
        <button
          type="button"
          class="button button--quiet"
          disabled={busy()}
          onClick={() => run({ action: 'extend', seconds: 60 })}
        >
          +1 min
        </button>
        <button
          ref={resetButton}
          type="button"
          class="button button--quiet"
          disabled={busy()}
          aria-expanded={confirming() === 'reset'}
          onClick={() => setConfirming('reset')}
        >
          Reset
        </button>
        <button
          ref={endButton}
          type="button"
          class="button button--quiet"
          disabled={busy()}
          aria-expanded={confirming() === 'end'}
          onClick={() => setConfirming('end')}
        >
          End meeting
        </button>
      </div>
      <Show when={confirming()} keyed>
        {(asked) => (
          <InlineConfirm
            question={
              asked === 'end'
                ? 'End the meeting for everyone? Notes and cards become read-only.'
                : 'Reset the timer to the first phase? Actual times are cleared.'
            }
            confirmLabel={asked === 'end' ? 'End meeting' : 'Reset timer'}
            busyLabel={asked === 'end' ? 'Ending…' : 'Resetting…'}
            busy={timer.pending()}
            onConfirm={() => void confirmAction()}
            onCancel={cancelConfirm}
          />
        )}
      </Show>
      <p class="timer-controls__hint meta">Space: pause or resume · ← →: previous or next phase</p>
      <Show when={timer.error()}>
        <p class="form-error" role="alert">
          {timer.error()}
        </p>
      </Show>
    </div>
  )
}
