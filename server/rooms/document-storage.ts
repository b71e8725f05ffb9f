import * as Y from 'yjs'

import type { DocumentStore } from '../storage/document-store'
import type { RoomStorage } from './room'

/** A room's document kept as an update log in the `DocumentStore`, compacted past a bound. */
export class LoggedDocumentStorage implements RoomStorage {
  readonly #store: DocumentStore
  readonly #docName: string
  readonly #compactAfter: number
  #lastId = 0
  #logLength = 0

  constructor(store: DocumentStore, docName: string, compactAfterUpdates: number) {
    this.#store = store
    this.#docName = docName
    this.#compactAfter = compactAfterUpdates
  }

  async load(doc: Y.Doc): Promise<void> {
    const stored = await this.#store.load(this.#docName)
    // Yjs merges updates in any order, so one transaction applies them all at once.
    doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    this.#lastId = stored.lastId
    this.#logLength = stored.updates.length
  }

  async store(updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    this.#lastId = await this.#store.append(this.#docName, updates)
    this.#logLength += updates.length
  }

  async compact(doc: Y.Doc, force: boolean): Promise<void> {
    if (this.#logLength <= 1) return
    if (!force && this.#logLength < this.#compactAfter) return

    await this.#store.compact(this.#docName, Y.encodeStateAsUpdate(doc), this.#lastId)
    this.#logLength = 1
  }
}
