import type { TimerStatus } from '../../../shared/timer'

/**
 * Formats a duration as `M:SS`, or `H:MM:SS` from one hour. Time left is rounded up, so the
 * display reads 0:00 exactly when the time is up. Overtime is rounded down, so it reads +0:01
 * one second later.
 */
export function formatCountdown(remainingMs: number): string {
  const overtime = remainingMs < 0
  const totalSeconds = overtime ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000)
  return (overtime ? '+' : '') + formatClock(totalSeconds)
}

/** Formats whole seconds as `M:SS` or `H:MM:SS`. */
export function formatClock(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  const ss = String(seconds).padStart(2, '0')
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`
  return `${minutes}:${ss}`
}

/** Spells out a duration for screen readers, such as "1 minute 5 seconds". */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  const parts: string[] = []
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`)
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`)
  return parts.join(' ')
}

/** Actual time spent as whole minutes and seconds, for the agenda. */
export function formatActual(ms: number): string {
  return formatClock(Math.round(ms / 1000))
}

export const statusLabels: Record<TimerStatus, string> = {
  idle: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Meeting ended',
}
