import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia'

import type { Db } from '../storage/database'

/** Lucia's session adapter over the project's own tables, so SQLite and PostgreSQL share it. */
export class SessionAdapter implements Adapter {
  readonly #db: Db

  constructor(db: Db) {
    this.#db = db
  }

  async getSessionAndUser(
    sessionId: string,
  ): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id as session_id',
        'sessions.expires_at',
        'sessions.created_at',
        'sessions.user_agent',
        'users.id as user_id',
        'users.email',
        'users.name',
      ])
      .where('sessions.id', '=', sessionId)
      .executeTakeFirst()
    if (!row) return [null, null]

    return [
      {
        id: row.session_id,
        userId: row.user_id,
        expiresAt: new Date(row.expires_at),
        attributes: { created_at: row.created_at, user_agent: row.user_agent },
      },
      { id: row.user_id, attributes: { email: row.email, name: row.name } },
    ]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.#db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .execute()

    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: { created_at: row.created_at, user_agent: row.user_agent },
    }))
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.#db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        expires_at: session.expiresAt.getTime(),
        created_at: session.attributes.created_at,
        user_agent: session.attributes.user_agent,
      })
      .execute()
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ expires_at: expiresAt.getTime() })
      .where('id', '=', sessionId)
      .execute()
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id', '=', sessionId).execute()
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('user_id', '=', userId).execute()
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.#db.deleteFrom('sessions').where('expires_at', '<=', Date.now()).execute()
  }
}
