import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import {
  applySnapshotRetention,
  keepEveryAutomaticSnapshotMs,
  selectExpiredSnapshots,
} from '../server/snapshots/retention'
import { insertSnapshot, listSnapshots } from '../server/snapshots/store'
import { ApiClient, setupMeeting } from './support/http'
import { paragraph, waitForRoomNotes } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

interface Listed {
  id: string
  kind: string
  label: string
  author: string
  phaseIndex: number
  phaseTitle: string
}

/** Polls the snapshot list until it has `count` entries, since automatic ones are taken async. */
async function waitForSnapshots(client: ApiClient, meetingId: string, count: number) {
  let snapshots: Listed[] = []
  for (let attempt = 0; attempt < 250; attempt++) {
    snapshots = (await client.request('GET', `/api/meetings/${meetingId}/snapshots`)).body
    if (snapshots.length >= count) return snapshots
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return snapshots
}

describe('automatic snapshots', () => {
  it('are taken at each phase change and at the end', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    await a.synced
    a.doc.getXmlFragment('notes:organize').insert(0, [paragraph('Roles and norms')])
    await waitForRoomNotes(server, meetingId, 'organize', 1)

    const timer = (action: string) =>
      facilitator.request('POST', `/api/meetings/${meetingId}/timer`, { action })
    expect((await timer('start')).status).toBe(200)
    expect((await timer('next')).status).toBe(200)

    let snapshots = await waitForSnapshots(facilitator, meetingId, 1)
    expect(snapshots).toHaveLength(1)
    expect(snapshots[0]).toMatchObject({
      kind: 'phase',
      label: 'Organize → Review',
      author: 'automatic',
      phaseIndex: 0,
      phaseTitle: 'Organize',
    })
    const view = await facilitator.request(
      'GET',
      `/api/meetings/${meetingId}/snapshots/${snapshots[0].id}`,
    )
    expect(view.body.phases[0].notesHtml).toBe('<p>Roles and norms</p>')

    expect((await timer('end')).status).toBe(200)
    snapshots = await waitForSnapshots(facilitator, meetingId, 2)
    expect(snapshots.map((snapshot) => snapshot.kind).sort()).toEqual(['ended', 'phase'])
    expect(snapshots.find((snapshot) => snapshot.kind === 'ended')).toMatchObject({
      label: 'Meeting ended',
      author: 'automatic',
      phaseIndex: 1,
      phaseTitle: 'Review',
    })
    a.destroy()
  })

  it('follow phase-changed events from any source', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    server.services.events.emit('phase-changed', {
      meetingId,
      fromIndex: 2,
      toIndex: 1,
      userId: facilitator.user!.id,
    })
    const snapshots = await waitForSnapshots(facilitator, meetingId, 1)
    expect(snapshots).toHaveLength(1)
    expect(snapshots[0]).toMatchObject({ label: 'Discuss → Review', phaseIndex: 2 })
  })
})

describe('snapshot retention', () => {
  const day = keepEveryAutomaticSnapshotMs
  const now = Date.UTC(2026, 2, 1)
  const base = { meetingId: 'm1', kind: 'phase' as const }

  it('keeps every automatic snapshot for a day', () => {
    const snapshots = [
      { ...base, id: 'a', phaseIndex: 0, createdAt: now - 1000 },
      { ...base, id: 'b', phaseIndex: 0, createdAt: now - 2000 },
      { ...base, id: 'c', phaseIndex: 0, createdAt: now - day + 1 },
    ]
    expect(selectExpiredSnapshots(snapshots, now)).toEqual([])
  })

  it('thins old ones to the newest per phase', () => {
    const snapshots = [
      { ...base, id: 'old-0a', phaseIndex: 0, createdAt: now - 3 * day },
      { ...base, id: 'old-0b', phaseIndex: 0, createdAt: now - 2 * day },
      { ...base, id: 'old-1', phaseIndex: 1, createdAt: now - 2 * day },
      { ...base, id: 'other-meeting', meetingId: 'm2', phaseIndex: 0, createdAt: now - 3 * day },
      { ...base, id: 'manual', kind: 'manual' as const, phaseIndex: 0, createdAt: now - 9 * day },
      { ...base, id: 'ended', kind: 'ended' as const, phaseIndex: 1, createdAt: now - 9 * day },
    ]
    expect(selectExpiredSnapshots(snapshots, now)).toEqual(['old-0a'])
  })

  it('drops an old snapshot once a newer one of its phase exists', () => {
    const snapshots = [
      { ...base, id: 'old', phaseIndex: 3, createdAt: now - 2 * day },
      { ...base, id: 'recent', phaseIndex: 3, createdAt: now - 1000 },
    ]
    expect(selectExpiredSnapshots(snapshots, now)).toEqual(['old'])
  })

  it('deletes expired rows and keeps labelled ones', async () => {
    const { meetingId } = await setupMeeting(server.url)
    const state = Y.encodeStateAsUpdate(new Y.Doc())
    const add = (kind: 'phase' | 'manual', phaseIndex: number, createdAt: number) =>
      insertSnapshot(server.services.db, {
        meetingId,
        kind,
        label: kind,
        authorId: null,
        phaseIndex,
        actualMs: null,
        state,
        createdAt,
      })
    const oldest = await add('phase', 0, now - 3 * day)
    const newest = await add('phase', 0, now - 2 * day)
    const labelled = await add('manual', 0, now - 5 * day)

    expect(await applySnapshotRetention(server.services.db, now, meetingId)).toBe(1)
    const left = (await listSnapshots(server.services.db, meetingId)).map((s) => s.id)
    expect(left.sort()).toEqual([newest, labelled].sort())
    expect(left).not.toContain(oldest)
  })
})
