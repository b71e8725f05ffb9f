import type SQLite from 'better-sqlite3'

import type { Db, OpenDatabase } from './database'

/** A document's stored updates, oldest first, and the id of the newest one. */
export interface StoredDocument {
  updates: Uint8Array[]
  lastId: number
}

/**
 * The append-only log of Yjs updates per document. Compaction replaces a prefix of the log with
 * one update that encodes the same state, so loading stays fast however long a meeting runs.
 */
export class DocumentStore {
  readonly #db: Db
  readonly #sqlite: SQLite.Database | undefined
  readonly #appendSqlite: ((docName: string, updates: Uint8Array[]) => number) | undefined

  constructor(database: OpenDatabase) {
    this.#db = database.db
    this.#sqlite = database.sqlite
    if (database.sqlite) this.#appendSqlite = prepareSqliteAppend(database.sqlite)
  }

  async load(docName: string): Promise<StoredDocument> {
    const rows = await this.#db
      .selectFrom('doc_updates')
      .select(['id', 'data'])
      .where('doc_name', '=', docName)
      .orderBy('id')
      .execute()

    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastId: rows.length > 0 ? rows[rows.length - 1].id : 0,
    }
  }

  /** Appends updates in one transaction and returns the id of the last one. */
  async append(docName: string, updates: Uint8Array[]): Promise<number> {
    // Kysely's transactions hold the one SQLite connection across awaits. An append written
    // inside one of them would be undone by its rollback, so it waits its turn through Kysely.
    if (this.#appendSqlite && !this.#sqlite!.inTransaction) {
      return this.#appendSqlite(docName, updates)
    }

    const now = Date.now()
    const rows = await this.#db
      .insertInto('doc_updates')
      .values(updates.map((data) => ({ doc_name: docName, data, created_at: now })))
      .returning('id')
      .execute()

    return rows[rows.length - 1].id
  }

  /**
   * Replaces every update up to and including `throughId` with `state`, which must encode at
   * least what those updates did. Updates appended after `throughId` are kept.
   */
  async compact(docName: string, state: Uint8Array, throughId: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('doc_updates')
        .where('doc_name', '=', docName)
        .where('id', '<=', throughId)
        .execute()
      await trx
        .insertInto('doc_updates')
        .values({ doc_name: docName, data: state, created_at: Date.now() })
        .execute()
    })
  }

  async countUpdates(docName: string): Promise<number> {
    const row = await this.#db
      .selectFrom('doc_updates')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('doc_name', '=', docName)
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }
}

/**
 * Prepares the SQLite append outside Kysely. An append runs before every relayed batch, and the
 * prepared statement cuts it from about 128 to 83 microseconds (20,000 single appends, 2-core
 * VM, WAL on a virtual disk). Most of what is left is SQLite's commit.
 */
function prepareSqliteAppend(sqlite: SQLite.Database) {
  const insert = sqlite.prepare<[string, Uint8Array, number]>(
    'INSERT INTO doc_updates (doc_name, data, created_at) VALUES (?, ?, ?)',
  )
  return sqlite.transaction((docName: string, updates: Uint8Array[]): number => {
    const now = Date.now()
    let lastId = 0
    for (const update of updates) {
      lastId = Number(insert.run(docName, update, now).lastInsertRowid)
    }
    return lastId
  })
}
