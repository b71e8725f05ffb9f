/**
 * Measures how far each client's estimate of the server clock is from the truth.
 *
 * Starts the server in this process on SQLite in a temporary directory, opens CLIENTS raw room
 * sockets whose clocks are skewed by up to ±SKEW_MINUTES, and runs PINGS clock pings per
 * client through the same estimator the browser uses. Each leg of every ping is delayed by a
 * random 0 to JITTER_MS, and one leg gets an extra ASYMMETRY_MS on a third of the pings, to
 * imitate a slow and uneven network. Clients share the server's process and clock, so the
 * true offset is known exactly.
 *
 *   node --import tsx scripts/bench-clock-offset.ts
 *   CLIENTS=50 PINGS=8 JITTER_MS=40 ASYMMETRY_MS=150 \
 *     node --import tsx scripts/bench-clock-offset.ts
 */
import * as decoding from 'lib0/decoding'

import { ClockEstimator, encodeClockPing, readClockPong } from '../shared/clock-sync'
import { MessageType } from '../shared/wire'
import { setupMeeting } from '../tests/support/http'
import { startTestServer } from '../tests/support/server'
import { openRawSocket } from '../tests/support/yjs-client'

const clientCount = Number(process.env.CLIENTS ?? 20)
const pingCount = Number(process.env.PINGS ?? 8)
const skewMinutes = Number(process.env.SKEW_MINUTES ?? 10)
const jitterMs = Number(process.env.JITTER_MS ?? 30)
const asymmetryMs = Number(process.env.ASYMMETRY_MS ?? 100)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

interface ClientResult {
  errorMs: number
  naiveErrorMs: number
  boundMs: number
}

async function runClient(url: string, meetingId: string, cookie: string): Promise<ClientResult> {
  const skew = (Math.random() * 2 - 1) * skewMinutes * 60_000
  const clock = () => Date.now() + skew
  const socket = openRawSocket(url, meetingId, { cookie })
  await socket.opened

  const estimator = new ClockEstimator()
  const firstSample: { offset?: number } = {}
  let pending: ((data: Uint8Array) => void) | null = null
  socket.ws.on('message', (data: Buffer) => pending?.(new Uint8Array(data)))

  for (let i = 0; i < pingCount; i++) {
    const extra = Math.random() < 1 / 3 ? asymmetryMs : 0
    const slowUp = Math.random() < 0.5
    const sent = clock()
    const pong = new Promise<Uint8Array>((resolve) => {
      pending = (data) => {
        const decoder = decoding.createDecoder(data)
        if (decoding.readVarUint(decoder) === MessageType.ClockPong) resolve(data)
      }
    })

    await sleep(Math.random() * jitterMs + (slowUp ? extra : 0))
    socket.ws.send(encodeClockPing(sent))
    const data = await pong
    await sleep(Math.random() * jitterMs + (slowUp ? 0 : extra))

    const decoder = decoding.createDecoder(data)
    decoding.readVarUint(decoder)
    const { clientTime, serverTime } = readClockPong(decoder)
    const sample = estimator.addSample(clientTime, serverTime, clock())
    firstSample.offset ??= sample?.offsetMs
  }
  socket.ws.close()

  return {
    errorMs: Math.abs(estimator.offsetMs + skew),
    naiveErrorMs: Math.abs((firstSample.offset ?? 0) + skew),
    boundMs: estimator.errorBoundMs,
  }
}

const server = await startTestServer()
const { facilitator, meetingId } = await setupMeeting(server.url)

const results = await Promise.all(
  Array.from({ length: clientCount }, () => runClient(server.url, meetingId, facilitator.cookie)),
)
await server.stop()

function summary(name: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const format = (value: number) => value.toFixed(1).padStart(7)
  return `${name.padEnd(38)} median ${format(percentile(sorted, 50))}  p95 ${format(
    percentile(sorted, 95),
  )}  max ${format(sorted.at(-1)!)}`
}

console.log(
  `clock offset error, ms: ${clientCount} clients, ${pingCount} pings each, clocks skewed up to ` +
    `±${skewMinutes} min, 0-${jitterMs} ms jitter per leg, ` +
    `+${asymmetryMs} ms on one leg of a third`,
)
console.log(
  summary(
    'estimate (median of 3 fastest)',
    results.map((r) => r.errorMs),
  ),
)
console.log(
  summary(
    'first ping alone',
    results.map((r) => r.naiveErrorMs),
  ),
)
console.log(
  summary(
    'error bound (estimator)',
    results.map((r) => r.boundMs),
  ),
)
process.exit(0)
