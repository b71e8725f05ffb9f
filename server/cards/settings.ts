import type { Db } from '../storage/database'

export interface CardSettings {
  /** When set, new cards are written without their author. */
  anonymous: boolean
}

export async function readCardSettings(db: Db, meetingId: string): Promise<CardSettings> {
  const row = await db
    .selectFrom('meeting_card_settings')
    .select('anonymous')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  return { anonymous: row?.anonymous === 1 }
}

export async function writeCardSettings(
  db: Db,
  meetingId: string,
  settings: CardSettings,
  userId: string,
): Promise<void> {
  const values = {
    anonymous: settings.anonymous ? 1 : 0,
    updated_by: userId,
    updated_at: Date.now(),
  }
  await db
    .insertInto('meeting_card_settings')
    .values({ meeting_id: meetingId, ...values })
    .onConflict((conflict) => conflict.column('meeting_id').doUpdateSet(values))
    .execute()
}
