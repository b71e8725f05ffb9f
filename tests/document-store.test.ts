import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { LoggedDocumentStorage } from '../server/rooms/document-storage'
import { openDatabase, type OpenDatabase } from '../server/storage/database'
import { DocumentStore } from '../server/storage/document-store'
import { createTestDatabase } from './support/postgres'
import { makeDataDir } from './support/server'

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | undefined
  const capture = (update: Uint8Array) => (captured = update)
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return captured!
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

const backends: Array<{
  name: string
  open(): Promise<{ database: OpenDatabase; cleanup(): Promise<void> }>
}> = [
  {
    name: 'sqlite',
    async open() {
      const dataDir = makeDataDir()
      return { database: await openDatabase({ dataDir }), cleanup: async () => {} }
    },
  },
  {
    name: 'postgres',
    async open() {
      const pg = await createTestDatabase()
      const database = await openDatabase({ dataDir: '', databaseUrl: pg.url })
      return { database, cleanup: () => pg.drop() }
    },
  },
]

describe.each(backends)('document store on $name', (backend) => {
  let database: OpenDatabase
  let cleanup: () => Promise<void>
  let store: DocumentStore

  beforeAll(async () => {
    ;({ database, cleanup } = await backend.open())
    store = new DocumentStore(database)
  })
  afterAll(async () => {
    await database.close()
    await cleanup()
  })

  it('loads appended updates in order', async () => {
    const doc = new Y.Doc()
    const first = textUpdate(doc, 'hello ')
    const second = textUpdate(doc, 'world')

    await store.append('append', [first])
    const lastId = await store.append('append', [second])
    const loaded = await store.load('append')

    expect(loaded.updates).toHaveLength(2)
    expect(loaded.lastId).toBe(lastId)
    expect(replay(loaded.updates)).toBe('hello world')
  })

  it('loads nothing for an unknown document', async () => {
    const loaded = await store.load('never-written')
    expect(loaded.updates).toEqual([])
    expect(loaded.lastId).toBe(0)
  })

  it('compacts a prefix and keeps later updates', async () => {
    const doc = new Y.Doc()
    const ids: number[] = []
    for (const word of ['a', 'b', 'c'])
      ids.push(await store.append('compact', [textUpdate(doc, word)]))
    const stateAfterC = Y.encodeStateAsUpdate(doc)
    await store.append('compact', [textUpdate(doc, 'd')])

    await store.compact('compact', stateAfterC, ids[2])

    const loaded = await store.load('compact')
    expect(loaded.updates).toHaveLength(2)
    expect(replay(loaded.updates)).toBe('abcd')
  })

  it('keeps documents apart', async () => {
    const doc = new Y.Doc()
    await store.append('left', [textUpdate(doc, 'left')])
    await store.append('right', [textUpdate(new Y.Doc(), 'right')])
    expect(replay((await store.load('left')).updates)).toBe('left')
    expect(replay((await store.load('right')).updates)).toBe('right')
  })
})

describe('logged document storage', () => {
  it('compacts past its bound and survives reopening', async () => {
    const dataDir = makeDataDir()
    let database = await openDatabase({ dataDir })
    let storage = new LoggedDocumentStorage(new DocumentStore(database), 'meeting', 3)
    const doc = new Y.Doc()
    await storage.load(doc)

    for (const word of ['one ', 'two ', 'three ', 'four']) {
      await storage.store([textUpdate(doc, word)])
      await storage.compact(doc, false)
    }
    expect(await new DocumentStore(database).countUpdates('meeting')).toBe(2)
    await database.close()

    database = await openDatabase({ dataDir })
    storage = new LoggedDocumentStorage(new DocumentStore(database), 'meeting', 3)
    const reopened = new Y.Doc()
    await storage.load(reopened)
    expect(reopened.getText('t').toString()).toBe('one two three four')

    await storage.compact(reopened, true)
    expect(await new DocumentStore(database).countUpdates('meeting')).toBe(1)
    await database.close()
  })
})

describe('migrations on postgres', () => {
  it('run once when several processes start together', async () => {
    const pg = await createTestDatabase()
    try {
      const opened = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ dataDir: '', databaseUrl: pg.url })),
      )
      const applied = await opened[0].db.selectFrom('schema_migrations').select('name').execute()
      expect(applied.length).toBe(new Set(applied.map((row) => row.name)).size)
      for (const database of opened) await database.close()
    } finally {
      await pg.drop()
    }
  })
})

describe('document store on sqlite', () => {
  it('keeps an append made while another transaction rolls back', async () => {
    const database = await openDatabase({ dataDir: makeDataDir() })
    const store = new DocumentStore(database)
    const doc = new Y.Doc()

    let appended: Promise<number> | undefined
    const failing = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('teams').values({ id: 't1', name: 'Team', created_at: 0 }).execute()
      appended = store.append('during', [textUpdate(doc, 'kept')])
      await new Promise((resolve) => setTimeout(resolve, 20))
      throw new Error('roll back')
    })
    await expect(failing).rejects.toThrow('roll back')
    await appended

    expect(replay((await store.load('during')).updates)).toBe('kept')
    const teams = await database.db.selectFrom('teams').selectAll().execute()
    expect(teams).toEqual([])
    await database.close()
  })
})
