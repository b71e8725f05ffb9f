import { createSignal, onCleanup, type Accessor } from 'solid-js'

const mutedKey = 'plc-room:chime-muted'

export interface Chime {
  muted: Accessor<boolean>
  setMuted(muted: boolean): void
  /** Plays the chime unless muted or the browser has not allowed audio yet. */
  play(): void
}

function readMuted(): boolean {
  try {
    return localStorage.getItem(mutedKey) === '1'
  } catch {
    return false
  }
}

/**
 * Creates a short two-note chime with Web Audio, muted per user in localStorage.
 *
 * Browsers start an AudioContext suspended until the page gets a user gesture, and warn when a
 * page tries to play before. The context is therefore created and resumed on the first click
 * or key press, and a chime due before that is skipped silently.
 */
export function createChime(): Chime {
  const [muted, setMutedSignal] = createSignal(readMuted())
  let context: AudioContext | undefined

  const unlock = () => {
    if (typeof AudioContext === 'undefined') return
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume().catch(() => undefined)
  }
  const gestures = ['pointerdown', 'keydown'] as const
  for (const name of gestures) window.addEventListener(name, unlock, { capture: true })
  onCleanup(() => {
    for (const name of gestures) window.removeEventListener(name, unlock, { capture: true })
    void context?.close().catch(() => undefined)
  })

  function play() {
    if (muted() || !context || context.state !== 'running') return

    const start = context.currentTime + 0.02
    for (const [offset, frequency] of [
      [0, 880],
      [0.28, 660],
    ] as const) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      // A quick attack and an exponential decay sound like a bell rather than a beep.
      gain.gain.setValueAtTime(0.0001, start + offset)
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(start + offset)
      oscillator.stop(start + offset + 1)
    }
  }

  return {
    muted,
    setMuted(value) {
      setMutedSignal(value)
      try {
        localStorage.setItem(mutedKey, value ? '1' : '0')
      } catch {
        // Storage can be blocked (private mode); the choice then lasts for this page only.
      }
    },
    play,
  }
}
