import { sql, type Kysely } from 'kysely'

import type { Database } from './schema'

export type Dialect = 'sqlite' | 'postgres'

interface Migration {
  name: string
  /** Statements per dialect, run in order inside one transaction. */
  statements: Record<Dialect, string[]>
}

const bigint = { sqlite: 'INTEGER', postgres: 'BIGINT' }
const blob = { sqlite: 'BLOB', postgres: 'BYTEA' }
const serial = {
  sqlite: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  postgres: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
}

function both(build: (dialect: Dialect) => string[]): Record<Dialect, string[]> {
  return { sqlite: build('sqlite'), postgres: build('postgres') }
}

/** Schema changes in the order they apply. Append new ones; never edit one that has shipped. */
export const migrations: Migration[] = [
  {
    name: '001-initial',
    statements: both((d) => [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at ${bigint[d]} NOT NULL
      )`,
      `CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at ${bigint[d]} NOT NULL,
        created_at ${bigint[d]} NOT NULL,
        user_agent TEXT NOT NULL DEFAULT ''
      )`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE TABLE teams (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at ${bigint[d]} NOT NULL
      )`,
      `CREATE TABLE memberships (
        team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        joined_at ${bigint[d]} NOT NULL,
        PRIMARY KEY (team_id, user_id)
      )`,
      `CREATE INDEX memberships_user ON memberships (user_id)`,
      `CREATE TABLE invites (
        token TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at ${bigint[d]} NOT NULL,
        expires_at ${bigint[d]} NOT NULL,
        single_use INTEGER NOT NULL DEFAULT 0,
        used_at ${bigint[d]},
        revoked_at ${bigint[d]}
      )`,
      `CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        protocol_id TEXT NOT NULL,
        phases_json TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'live',
        created_by TEXT NOT NULL,
        created_at ${bigint[d]} NOT NULL
      )`,
      `CREATE INDEX meetings_team ON meetings (team_id, created_at)`,
      `CREATE TABLE doc_updates (
        id ${serial[d]},
        doc_name TEXT NOT NULL,
        data ${blob[d]} NOT NULL,
        created_at ${bigint[d]} NOT NULL
      )`,
      `CREATE INDEX doc_updates_doc ON doc_updates (doc_name, id)`,
    ]),
  },
  {
    name: '003-timers',
    statements: both((d) => [
      `CREATE TABLE meeting_timers (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        state_json TEXT NOT NULL,
        updated_by TEXT,
        updated_at ${bigint[d]} NOT NULL
      )`,
      `CREATE TABLE team_templates (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        based_on TEXT,
        phases_json TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at ${bigint[d]} NOT NULL,
        updated_at ${bigint[d]} NOT NULL
      )`,
      `CREATE INDEX team_templates_team ON team_templates (team_id, name)`,
    ]),
  },
  {
    name: '004-cards',
    statements: both((d) => [
      `CREATE TABLE meeting_card_settings (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        anonymous INTEGER NOT NULL DEFAULT 0,
        updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        updated_at ${bigint[d]} NOT NULL
      )`,
      `CREATE TABLE next_steps (
        id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        card_id TEXT,
        text TEXT NOT NULL,
        owner_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        due_date TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        done_at ${bigint[d]},
        done_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        done_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at ${bigint[d]} NOT NULL,
        updated_at ${bigint[d]} NOT NULL
      )`,
      `CREATE INDEX next_steps_team ON next_steps (team_id, done, due_date)`,
      `CREATE INDEX next_steps_meeting ON next_steps (meeting_id)`,
      `CREATE UNIQUE INDEX next_steps_card ON next_steps (meeting_id, card_id)`,
    ]),
  },
  {
    name: '005-snapshots',
    statements: both((d) => [
      `CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        phase_index INTEGER NOT NULL,
        actual_ms_json TEXT,
        state ${blob[d]} NOT NULL,
        created_at ${bigint[d]} NOT NULL
      )`,
      `CREATE INDEX snapshots_meeting ON snapshots (meeting_id, created_at)`,
      `CREATE TABLE meeting_attendance (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        first_joined_at ${bigint[d]} NOT NULL,
        last_joined_at ${bigint[d]} NOT NULL,
        PRIMARY KEY (meeting_id, user_id)
      )`,
    ]),
  },
  {
    name: '006-invite-labels',
    statements: both(() => [`ALTER TABLE invites ADD COLUMN label TEXT`]),
  },
]

// Arbitrary key of the PostgreSQL advisory lock held while migrating.
const migrationLockKey = 72_410_001

/** Applies the migrations that this database has not seen, each in its own transaction. */
export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') return applyMigrations(db, dialect)

  // Several server processes may start at once on one PostgreSQL database. A session-level
  // advisory lock lets one migrate while the others wait, then find nothing left to do.
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${migrationLockKey})`.execute(connection)
    try {
      await applyMigrations(connection, dialect)
    } finally {
      await sql`SELECT pg_advisory_unlock(${migrationLockKey})`.execute(connection)
    }
  })
}

async function applyMigrations(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at ${sql.raw(bigint[dialect])} NOT NULL
  )`.execute(db)

  const applied = await db.selectFrom('schema_migrations').select('name').execute()
  const done = new Set(applied.map((row) => row.name))

  for (const migration of migrations) {
    if (done.has(migration.name)) continue

    await db.transaction().execute(async (trx) => {
      for (const statement of migration.statements[dialect]) {
        await sql.raw(statement).execute(trx)
      }
      await trx
        .insertInto('schema_migrations')
        .values({ name: migration.name, applied_at: Date.now() })
        .execute()
    })
  }
}
