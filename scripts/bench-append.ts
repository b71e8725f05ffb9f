/**
 * Times single-update appends to the SQLite update log, the write that precedes every relay.
 *
 *   node --import tsx scripts/bench-append.ts        # APPENDS=20000 by default
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import { openDatabase } from '../server/storage/database'
import { DocumentStore } from '../server/storage/document-store'

const appends = Number(process.env.APPENDS ?? 20_000)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plc-bench-append-'))
const database = await openDatabase({ dataDir })
const store = new DocumentStore(database)
const update = new Uint8Array(40).fill(7)

const start = performance.now()
for (let i = 0; i < appends; i++) await store.append(`meeting-${i % 50}`, [update])
const elapsed = performance.now() - start

console.log(`${appends} appends of 40 bytes over 50 documents in ${elapsed.toFixed(0)} ms`)
console.log(`${((elapsed * 1000) / appends).toFixed(1)} microseconds per append`)

await database.close()
fs.rmSync(dataDir, { recursive: true, force: true })
