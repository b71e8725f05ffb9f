import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'

import { ClockEstimator, encodeClockPing, readClockPong } from '../../../shared/clock-sync'
import { MessageType } from '../../../shared/wire'
import type { RoomConnection } from './room-connection'

/** Pings sent one after another whenever the socket (re)connects. */
const burstSize = 6
const burstGapMs = 250
/** Pause between pings once synced; long enough to cost nothing, short enough for drift. */
const steadyGapMs = 30_000

export interface ServerClock {
  /** The server's clock now, as estimated from round trips over the room socket. */
  now(): number
  /** Whether at least one round trip has been measured. */
  ready: Accessor<boolean>
  /** Uses the time a server message was sent as a rough offset until a ping comes back. */
  hint(serverTime: number): void
}

/** Reads the client's clock, which is monotonic, so a change of the system time cannot jump it. */
function clientNow(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * Estimates the server's clock over the room socket with `ClockPing` round trips: a burst
 * whenever the socket connects, then one ping every 30 seconds.
 */
export function createServerClock(room: RoomConnection): ServerClock {
  const estimator = new ClockEstimator()
  const [ready, setReady] = createSignal(false)
  let hintOffset: number | undefined
  let burstTimer: ReturnType<typeof setTimeout> | undefined
  let steadyTimer: ReturnType<typeof setInterval> | undefined

  const removeHandler = room.onMessage(MessageType.ClockPong, (decoder) => {
    const received = clientNow()
    const { clientTime, serverTime } = readClockPong(decoder)
    if (estimator.addSample(clientTime, serverTime, received)) setReady(true)
  })

  const ping = () => room.send(encodeClockPing(clientNow()))

  function burst(left: number) {
    ping()
    if (left > 1) burstTimer = setTimeout(() => burst(left - 1), burstGapMs)
  }

  createEffect(() => {
    if (room.status() !== 'live') return
    clearTimeout(burstTimer)
    burst(burstSize)
  })
  steadyTimer = setInterval(ping, steadyGapMs)

  onCleanup(() => {
    removeHandler()
    clearTimeout(burstTimer)
    clearInterval(steadyTimer)
  })

  return {
    now() {
      const offset = estimator.ready ? estimator.offsetMs : (hintOffset ?? 0)
      return clientNow() + offset
    },
    ready,
    hint(serverTime) {
      hintOffset = serverTime - clientNow()
    },
  }
}
