import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { ClockEstimator } from './clock-sync'

describe('clock estimator', () => {
  it('finds the offset exactly when both legs take equal time', () => {
    const estimator = new ClockEstimator()
    const offset = -600_000
    estimator.addSample(1000, 1000 + 20 + offset, 1040)
    expect(estimator.offsetMs).toBe(offset)
    expect(estimator.errorBoundMs).toBe(20)
  })

  it('keeps the lowest-delay samples and ignores slow ones', () => {
    const estimator = new ClockEstimator({ window: 16, best: 3 })
    const offset = 12_345
    // Fast samples with symmetric legs.
    for (let i = 0; i < 3; i++) estimator.addSample(i * 100, i * 100 + 5 + offset, i * 100 + 10)
    // Slow samples whose return leg waited in a queue: their naive offsets are far off.
    for (let i = 3; i < 10; i++) estimator.addSample(i * 100, i * 100 + 5 + offset, i * 100 + 900)
    expect(estimator.offsetMs).toBe(offset)
  })

  it('stays within its error bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 16,
        }),
        (offset, legs) => {
          const estimator = new ClockEstimator()
          let clientNow = 1_000_000
          for (const [up, down] of legs) {
            const sent = clientNow
            estimator.addSample(sent, sent + up + offset, sent + up + down)
            clientNow += up + down + 50
          }
          // The median of the three fastest samples is off by at most half the slowest of them.
          const roundTrips = legs.map(([up, down]) => up + down).sort((a, b) => a - b)
          const bound = roundTrips[Math.min(roundTrips.length, 3) - 1] / 2
          expect(estimator.errorBoundMs).toBe(bound)
          expect(Math.abs(estimator.offsetMs - offset)).toBeLessThanOrEqual(bound)
        },
      ),
    )
  })

  it('drops samples with a negative round trip', () => {
    const estimator = new ClockEstimator()
    expect(estimator.addSample(100, 5000, 50)).toBeNull()
    expect(estimator.addSample(100, Number.NaN, 150)).toBeNull()
    expect(estimator.ready).toBe(false)
    expect(estimator.offsetMs).toBe(0)
  })

  it('forgets samples beyond its window', () => {
    const estimator = new ClockEstimator({ window: 4, best: 1 })
    estimator.addSample(0, 1000, 0)
    for (let i = 1; i <= 4; i++) estimator.addSample(i * 100, i * 100 + 2000 + 10, i * 100 + 20)
    expect(estimator.sampleCount).toBe(4)
    expect(estimator.offsetMs).toBe(2000)
  })
})
