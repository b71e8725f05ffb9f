import type { Db } from './database'

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

  constructor(db: Db) {
    this.#db = db
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
