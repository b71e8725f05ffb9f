import fs from 'node:fs'
import path from 'node:path'

import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'

import { migrate, type Dialect } from './migrations'
import type { Database } from './schema'

export type Db = Kysely<Database>

export interface OpenDatabase {
  db: Db
  dialect: Dialect
  /** The better-sqlite3 handle under `db` when the dialect is SQLite, for hot paths. */
  sqlite?: SQLite.Database
  close(): Promise<void>
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when missing, SQLite opens `plc-room.sqlite` in `dataDir`. */
  databaseUrl?: string
  dataDir: string
  /** Receives errors of idle PostgreSQL connections, such as a server restart ending them. */
  onIdleError?: (error: Error) => void
}

// PostgreSQL returns BIGINT (type 20) as a string to keep precision past 2^53. Every BIGINT
// here is a millisecond time or a row id, far below that, so they are read as numbers.
pg.types.setTypeParser(20, (value) => Number(value))

/** Opens the database, applies pending migrations and returns it ready for queries. */
export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    // The pool re-emits errors of idle connections; with no listener Node would throw them and
    // stop the process. The pool drops such a connection and opens a new one when needed.
    pool.on('error', options.onIdleError ?? (() => {}))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    await migrate(db, 'postgres')
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }

  fs.mkdirSync(options.dataDir, { recursive: true })
  const sqlite = new SQLite(path.join(options.dataDir, 'plc-room.sqlite'))
  // WAL lets readers run beside the writer. With synchronous=NORMAL a committed write survives
  // a killed process (it is in the WAL file), though not a power loss before the next checkpoint.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  await migrate(db, 'sqlite')
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() }
}
