import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  applyTimerAction,
  actualAt,
  initialTimer,
  maxExtendSeconds,
  remainingAt,
  reopenTimer,
  timerView,
  type TimerAction,
  type TimerModel,
} from './timer'

const planned = [5, 15, 20, 10, 5].map((minutes) => minutes * 60_000)
const start = 1_700_000_000_000

function apply(state: TimerModel, action: TimerAction, now: number, plannedMs = planned) {
  const result = applyTimerAction(state, action, plannedMs, now)
  if (!result.ok) throw new Error(`${action.action} failed: ${result.error}`)
  return result.state
}

function running(now = start): TimerModel {
  return apply(initialTimer(planned), { action: 'start' }, now)
}

const plannedArb = fc.array(fc.integer({ min: 60_000, max: 240 * 60_000 }), {
  minLength: 1,
  maxLength: 12,
})
const delayArb = fc.integer({ min: 0, max: 4 * 60 * 60_000 })
const secondsArb = fc
  .integer({ min: -maxExtendSeconds, max: maxExtendSeconds })
  .filter((seconds) => seconds !== 0)

const actionArb: fc.Arbitrary<TimerAction> = fc.oneof(
  fc.constantFrom<TimerAction>(
    { action: 'start' },
    { action: 'pause' },
    { action: 'resume' },
    { action: 'next' },
    { action: 'previous' },
    { action: 'reset' },
  ),
  fc
    .integer({ min: -2, max: 14 })
    .map((phaseIndex): TimerAction => ({ action: 'goto', phaseIndex })),
  secondsArb.map((seconds): TimerAction => ({ action: 'extend', seconds })),
)

describe('timer state machine', () => {
  it('starts at the first phase with its full time', () => {
    const state = initialTimer(planned)
    expect(state.status).toBe('idle')
    expect(state.phaseIndex).toBe(0)
    expect(remainingAt(state, start)).toBe(planned[0])
  })

  it('counts down from an end time while running', () => {
    const state = running()
    expect(state.endsAt).toBe(start + planned[0])
    expect(remainingAt(state, start + 1000)).toBe(planned[0] - 1000)
  })

  it('goes negative in overtime and keeps running', () => {
    const state = running()
    expect(remainingAt(state, start + planned[0] + 90_000)).toBe(-90_000)
    expect(state.status).toBe('running')
  })

  it('pause and resume preserve the remaining time', () => {
    fc.assert(
      fc.property(plannedArb, delayArb, delayArb, (plannedMs, ranFor, pausedFor) => {
        const started = apply(initialTimer(plannedMs), { action: 'start' }, start, plannedMs)
        const pauseAt = start + ranFor
        const paused = apply(started, { action: 'pause' }, pauseAt, plannedMs)
        const left = remainingAt(paused, pauseAt)

        expect(remainingAt(paused, pauseAt + pausedFor)).toBe(left)
        const resumeAt = pauseAt + pausedFor
        const resumed = apply(paused, { action: 'resume' }, resumeAt, plannedMs)
        expect(remainingAt(resumed, resumeAt)).toBe(left)
        expect(left).toBe(plannedMs[0] - ranFor)
      }),
    )
  })

  it('pause does not count paused time as actual time', () => {
    fc.assert(
      fc.property(delayArb, delayArb, delayArb, (first, pausedFor, second) => {
        let state = running()
        state = apply(state, { action: 'pause' }, start + first)
        state = apply(state, { action: 'resume' }, start + first + pausedFor)
        const end = start + first + pausedFor + second
        expect(actualAt(state, end)[0]).toBe(first + second)
      }),
    )
  })

  it('extend adds or removes exactly the given seconds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('idle', 'running', 'paused'),
        secondsArb,
        delayArb,
        (status, seconds, elapsed) => {
          let state = initialTimer(planned)
          if (status !== 'idle') state = apply(state, { action: 'start' }, start)
          if (status === 'paused') state = apply(state, { action: 'pause' }, start + elapsed)

          const at = start + elapsed
          const before = remainingAt(state, at)
          const extended = apply(state, { action: 'extend', seconds }, at)
          expect(remainingAt(extended, at)).toBe(before + seconds * 1000)
          expect(extended.status).toBe(state.status)
        },
      ),
    )
  })

  it('rejects extend by zero, fractions and beyond the limit', () => {
    const state = running()
    for (const seconds of [0, 1.5, maxExtendSeconds + 1, -maxExtendSeconds - 1, Number.NaN]) {
      const result = applyTimerAction(state, { action: 'extend', seconds }, planned, start)
      expect(result.ok, `seconds ${seconds}`).toBe(false)
    }
  })

  it('next and previous stay within the phases', () => {
    fc.assert(
      fc.property(
        plannedArb,
        fc.array(fc.constantFrom<TimerAction>({ action: 'next' }, { action: 'previous' })),
        (plannedMs, moves) => {
          let state = initialTimer(plannedMs)
          let expected = 0
          for (const move of moves) {
            const result = applyTimerAction(state, move, plannedMs, start)
            const target = expected + (move.action === 'next' ? 1 : -1)
            if (target < 0 || target >= plannedMs.length) {
              expect(result.ok).toBe(false)
              continue
            }
            expect(result.ok).toBe(true)
            if (!result.ok) return
            state = result.state
            expected = target
            expect(state.phaseIndex).toBe(expected)
            expect(state.remainingMs).toBe(plannedMs[expected])
          }
        },
      ),
    )
  })

  it('next while running starts the next phase at its full time', () => {
    const moved = apply(running(), { action: 'next' }, start + 42_000)
    expect(moved.status).toBe('running')
    expect(moved.phaseIndex).toBe(1)
    expect(remainingAt(moved, start + 42_000)).toBe(planned[1])
    expect(moved.actualMs[0]).toBe(42_000)
  })

  it('goto rejects indexes outside the phases', () => {
    for (const phaseIndex of [-1, planned.length, 1.5]) {
      const result = applyTimerAction(running(), { action: 'goto', phaseIndex }, planned, start)
      expect(result.ok, `phaseIndex ${phaseIndex}`).toBe(false)
    }
    expect(apply(running(), { action: 'goto', phaseIndex: 4 }, start).phaseIndex).toBe(4)
  })

  it('rejects actions that do not fit the status', () => {
    const idle = initialTimer(planned)
    expect(applyTimerAction(idle, { action: 'pause' }, planned, start).ok).toBe(false)
    expect(applyTimerAction(idle, { action: 'resume' }, planned, start).ok).toBe(false)
    expect(applyTimerAction(running(), { action: 'start' }, planned, start).ok).toBe(false)
  })

  it('end freezes the timer and rejects every later action', () => {
    const ended = apply(running(), { action: 'end' }, start + 10_000)
    expect(ended.status).toBe('ended')
    expect(ended.endedAt).toBe(start + 10_000)
    expect(ended.actualMs[0]).toBe(10_000)
    for (const action of [{ action: 'start' }, { action: 'reset' }, { action: 'next' }] as const) {
      expect(applyTimerAction(ended, action, planned, start).ok).toBe(false)
    }
  })

  it('reopen leaves an ended timer paused where it stopped', () => {
    const ended = apply(running(), { action: 'end' }, start + 10_000)
    const reopened = reopenTimer(ended)
    expect(reopened.status).toBe('paused')
    expect(reopened.remainingMs).toBe(planned[0] - 10_000)
    expect(apply(reopened, { action: 'resume' }, start + 20_000).status).toBe('running')
  })

  it('random action sequences keep every invariant', () => {
    fc.assert(
      fc.property(
        plannedArb,
        fc.array(fc.tuple(actionArb, fc.integer({ min: 0, max: 600_000 }))),
        (plannedMs, steps) => {
          let state = initialTimer(plannedMs)
          let now = start
          let ranMs = 0
          for (const [action, wait] of steps) {
            if (state.status === 'running') ranMs += wait
            now += wait
            const result = applyTimerAction(state, action, plannedMs, now)
            if (!result.ok) continue
            if (action.action === 'reset') ranMs = 0

            expect(result.state.revision).toBe(state.revision + 1)
            state = result.state
            expect(state.phaseIndex).toBeGreaterThanOrEqual(0)
            expect(state.phaseIndex).toBeLessThan(plannedMs.length)
            expect(state.endsAt === null).toBe(state.status !== 'running')
          }
          const view = timerView(state, plannedMs, now)
          expect(view.actualMs.reduce((sum, ms) => sum + ms, 0)).toBe(ranMs)
        },
      ),
    )
  })
})
