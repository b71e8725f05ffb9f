/**
 * Estimates the offset between a client's clock and the server's, NTP style.
 *
 * The client sends a `ClockPing` with its send time t0. The server replies with a `ClockPong`
 * carrying t0 and its own time t1, and the client reads its receive time t2. Assuming the two
 * legs take equal time, offset = t1 - (t0 + t2) / 2 and the error is at most half the round
 * trip (t2 - t0). Samples with the shortest round trips are the least likely to have waited in
 * a queue on one leg only, so the estimate uses those.
 */

import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

import { MessageType } from './wire'

export interface ClockSample {
  /** Server clock minus client clock, in ms. */
  offsetMs: number
  /** Round-trip time, in ms. */
  delayMs: number
  /** Client time when the pong arrived. */
  receivedAt: number
}

export interface ClockEstimatorOptions {
  /** How many recent samples to keep. */
  window?: number
  /** How many of the lowest-delay samples to take the median offset of. */
  best?: number
}

/** Keeps recent ping samples and estimates the server clock from the lowest-delay ones. */
export class ClockEstimator {
  readonly #window: number
  readonly #best: number
  #samples: ClockSample[] = []

  constructor(options: ClockEstimatorOptions = {}) {
    this.#window = options.window ?? 16
    this.#best = options.best ?? 3
  }

  /**
   * Adds one round trip: `clientSent` and `clientReceived` on the client's clock, `serverTime`
   * on the server's. Returns the sample, or null when the times are inconsistent.
   */
  addSample(clientSent: number, serverTime: number, clientReceived: number): ClockSample | null {
    const delayMs = clientReceived - clientSent
    if (!Number.isFinite(delayMs) || !Number.isFinite(serverTime) || delayMs < 0) return null

    const sample = {
      offsetMs: serverTime - (clientSent + clientReceived) / 2,
      delayMs,
      receivedAt: clientReceived,
    }
    this.#samples.push(sample)
    if (this.#samples.length > this.#window) this.#samples.shift()
    return sample
  }

  get sampleCount(): number {
    return this.#samples.length
  }

  /** Whether at least one sample has arrived. */
  get ready(): boolean {
    return this.#samples.length > 0
  }

  /** Median offset of the lowest-delay samples, or 0 before any sample. */
  get offsetMs(): number {
    const best = this.#bestSamples()
    if (best.length === 0) return 0

    const offsets = best.map((sample) => sample.offsetMs).sort((a, b) => a - b)
    const middle = Math.floor(offsets.length / 2)
    return offsets.length % 2 === 1 ? offsets[middle] : (offsets[middle - 1] + offsets[middle]) / 2
  }

  /**
   * Upper bound of the estimate's error, or Infinity before any sample. Each sample is off by at
   * most half its round trip, so their median is off by at most half the longest one used.
   */
  get errorBoundMs(): number {
    const best = this.#bestSamples()
    return best.length === 0 ? Infinity : best[best.length - 1].delayMs / 2
  }

  /** Estimates the server's clock at client time `clientNow`. */
  serverNow(clientNow: number): number {
    return clientNow + this.offsetMs
  }

  #bestSamples(): ClockSample[] {
    return [...this.#samples].sort((a, b) => a.delayMs - b.delayMs).slice(0, this.#best)
  }
}

/** Encodes a `ClockPing` carrying the client's send time. */
export function encodeClockPing(clientTime: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.ClockPing)
  encoding.writeFloat64(encoder, clientTime)
  return encoding.toUint8Array(encoder)
}

/**
 * Reads the body of a `ClockPong` whose message number was already read: the echoed client
 * time and the server time.
 */
export function readClockPong(decoder: decoding.Decoder): {
  clientTime: number
  serverTime: number
} {
  const clientTime = decoding.readFloat64(decoder)
  const serverTime = decoding.readFloat64(decoder)
  return { clientTime, serverTime }
}
