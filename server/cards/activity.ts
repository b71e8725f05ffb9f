import { MessageType, type CardActivity } from '../../shared/wire'
import { encodeJsonMessage } from '../rooms/messages'
import type { Services } from '../services'

export function encodeCardActivity(activity: CardActivity): Uint8Array {
  return encodeJsonMessage(MessageType.CardActivity, activity)
}

/** Tells every socket in the meeting's room that the anonymity setting changed. */
export function announceAnonymity(services: Services, meetingId: string, anonymous: boolean): void {
  services.rooms.get(meetingId)?.broadcast(encodeCardActivity({ kind: 'anonymity', anonymous }))
}

/**
 * Asks every open room of the team to fetch its next steps again. A change in one meeting shows
 * in the others, because open steps carry forward.
 *
 * NOTE: this reaches only the rooms open in this process. With several server processes, clients
 * of the other processes see the change only when they fetch next steps again.
 */
export async function announceNextStepsChanged(services: Services, teamId: string): Promise<void> {
  const meetings = await services.db
    .selectFrom('meetings')
    .select('id')
    .where('team_id', '=', teamId)
    .execute()

  const message = encodeCardActivity({ kind: 'next-steps' })
  for (const { id } of meetings) services.rooms.get(id)?.broadcast(message)
}
