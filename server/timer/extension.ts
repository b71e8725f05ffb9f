import type { RoomExtension } from '../rooms/room'
import type { Services } from '../services'
import { findMeeting } from '../teams/access'
import { encodeTimerMessage, readTimer } from './service'

/**
 * Sends the meeting's timer to each socket as it joins. Later changes reach it through the
 * broadcast in `changeTimer`. A client keeps the state with the highest `revision`, so a join
 * that races a change cannot leave it on the older state.
 */
export function timerExtension(services: Services): RoomExtension {
  return {
    onConnect(room, conn) {
      void (async () => {
        const meeting = await findMeeting(services.db, room.meetingId)
        if (!meeting) return
        conn.send(encodeTimerMessage(await readTimer(services, meeting)))
      })().catch((error: unknown) => {
        room.logger.error({ err: error, userId: conn.userId }, 'sending the timer failed')
      })
    },
  }
}
