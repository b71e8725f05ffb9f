import type { RoomExtension } from '../rooms/room'
import type { Services } from '../services'
import type { Db } from '../storage/database'

/** Records who joins a meeting's room while the meeting is not ended, for the meeting record. */
export function attendanceExtension(services: Services): RoomExtension {
  return {
    onConnect(room, conn) {
      if (room.readOnly) return
      recordAttendance(services.db, room.meetingId, conn.userId, conn.role, Date.now()).catch(
        (error: unknown) =>
          room.logger.error({ err: error, userId: conn.userId }, 'recording attendance failed'),
      )
    },
  }
}

/** Stores that a user joined a meeting at `joinedAt`, keeping the time of their first join. */
export async function recordAttendance(
  db: Db,
  meetingId: string,
  userId: string,
  role: 'facilitator' | 'member' | 'observer',
  joinedAt: number,
): Promise<void> {
  await db
    .insertInto('meeting_attendance')
    .values({
      meeting_id: meetingId,
      user_id: userId,
      role,
      first_joined_at: joinedAt,
      last_joined_at: joinedAt,
    })
    .onConflict((conflict) =>
      conflict.columns(['meeting_id', 'user_id']).doUpdateSet({ role, last_joined_at: joinedAt }),
    )
    .execute()
}

export interface Attendee {
  userId: string
  name: string
  role: 'facilitator' | 'member' | 'observer'
  firstJoinedAt: number
}

/** Lists who joined a meeting's room, by name. */
export async function listAttendees(db: Db, meetingId: string): Promise<Attendee[]> {
  const rows = await db
    .selectFrom('meeting_attendance')
    .innerJoin('users', 'users.id', 'meeting_attendance.user_id')
    .select([
      'meeting_attendance.user_id',
      'users.name',
      'meeting_attendance.role',
      'meeting_attendance.first_joined_at',
    ])
    .where('meeting_attendance.meeting_id', '=', meetingId)
    .orderBy('users.name')
    .orderBy('meeting_attendance.user_id')
    .execute()

  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    role: row.role,
    firstJoinedAt: row.first_joined_at,
  }))
}
