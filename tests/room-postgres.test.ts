import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { ApiClient, setupMeeting } from './support/http'
import { createTestDatabase } from './support/postgres'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor } from './support/yjs-client'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let server: TestServer

beforeAll(async () => {
  database = await createTestDatabase()
  server = await startTestServer({ databaseUrl: database.url })
})
afterAll(async () => {
  await server.stop()
  await database.drop()
})

describe('server on PostgreSQL', () => {
  it('answers health with postgres storage', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(await response.json()).toMatchObject({ ok: true, storage: 'postgres' })
  })

  it('syncs two clients and keeps the notes after the room unloads', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    await Promise.all([a.synced, b.synced])
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('stored in postgres')])
    a.doc.getXmlFragment('notes:review').insert(0, [paragraph])
    await waitFor(() => b.doc.getXmlFragment('notes:review').toString().includes('postgres'))

    a.destroy()
    b.destroy()
    await waitFor(() => server.services.rooms.size === 0, 5000, 'room unload')

    const reader = connectProvider(server.url, meetingId, member.cookie)
    await reader.synced
    expect(reader.doc.getXmlFragment('notes:review').toString()).toContain('stored in postgres')
    reader.destroy()
  })

  it('keeps serving after PostgreSQL ends its idle connections', async () => {
    const before = await new ApiClient(server.url).signup('Before')
    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    const ended = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    )
    await admin.end()
    expect(ended.rowCount).toBeGreaterThan(0)

    await new Promise((resolve) => setTimeout(resolve, 100))
    const me = await before.request('GET', '/api/me')
    expect(me.status).toBe(200)
    expect(me.body.name).toBe('Before')
  })
})
