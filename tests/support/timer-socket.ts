import * as decoding from 'lib0/decoding'

import { ClockEstimator, encodeClockPing, readClockPong } from '../../shared/clock-sync'
import type { TimerState } from '../../shared/timer'
import { MessageType } from '../../shared/wire'
import { openRawSocket, waitFor, type RawSocket } from './yjs-client'

/**
 * A raw room socket that reads timer messages and runs the clock estimator against the
 * server, with a client clock that can be set to any skew.
 */
export class TimerSocket {
  readonly raw: RawSocket
  readonly estimator = new ClockEstimator()
  /** Every timer state received, in order. */
  readonly states: TimerState[] = []
  readonly #clock: () => number
  #read = 0

  constructor(baseUrl: string, meetingId: string, cookie: string, clock: () => number = Date.now) {
    this.#clock = clock
    this.raw = openRawSocket(baseUrl, meetingId, { cookie })
    this.raw.ws.on('message', () => this.#drain())
  }

  get latest(): TimerState | undefined {
    return this.states.at(-1)
  }

  /** Reads the client's own clock, which may be skewed. */
  now(): number {
    return this.#clock()
  }

  /** Waits until a timer state that passes `check` arrives, and returns it. */
  async waitForState(check: (state: TimerState) => boolean, what = 'timer state') {
    await waitFor(() => this.states.some(check), 5000, what)
    return this.states.filter(check).at(-1)!
  }

  /** Sends `count` pings one after another, each once the previous pong is back. */
  async syncClock(count = 8): Promise<void> {
    for (let i = 0; i < count; i++) {
      const before = this.estimator.sampleCount
      this.raw.ws.send(encodeClockPing(this.#clock()))
      await waitFor(() => this.estimator.sampleCount > before, 5000, 'clock pong')
    }
  }

  close(): void {
    this.raw.ws.close()
  }

  #drain(): void {
    // The 'message' listener of openRawSocket runs first, so the message is already recorded.
    for (; this.#read < this.raw.messages.length; this.#read++) {
      const decoder = decoding.createDecoder(this.raw.messages[this.#read])
      const type = decoding.readVarUint(decoder)
      if (type === MessageType.Timer) {
        this.states.push(JSON.parse(decoding.readVarString(decoder)) as TimerState)
      } else if (type === MessageType.ClockPong) {
        const received = this.#clock()
        const { clientTime, serverTime } = readClockPong(decoder)
        this.estimator.addSample(clientTime, serverTime, received)
      }
    }
  }
}
