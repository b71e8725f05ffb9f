import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { paragraph, paragraphTexts } from './support/notes'
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

describe('snapshots on PostgreSQL', () => {
  it('saves, restores and exports', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const a = connectProvider(server.url, meetingId, facilitator.cookie)
    const b = connectProvider(server.url, meetingId, member.cookie)
    await Promise.all([a.synced, b.synced])
    a.doc.getXmlFragment('notes:review').insert(0, [paragraph('Kept in postgres')])
    await waitFor(() => paragraphTexts(b.doc.getXmlFragment('notes:review')).length === 1)

    const saved = await member.request('POST', `/api/meetings/${meetingId}/snapshots`, {
      label: 'Postgres point',
    })
    expect(saved.status).toBe(201)
    b.doc.getXmlFragment('notes:review').insert(1, [paragraph('Dropped by the restore')])
    await waitFor(() => paragraphTexts(a.doc.getXmlFragment('notes:review')).length === 2)

    const restored = await facilitator.request(
      'POST',
      `/api/meetings/${meetingId}/snapshots/${saved.body.id}/restore`,
    )
    expect(restored.status).toBe(200)
    for (const client of [a, b]) {
      await waitFor(() => paragraphTexts(client.doc.getXmlFragment('notes:review')).length === 1)
      const texts = paragraphTexts(client.doc.getXmlFragment('notes:review'))
      expect(texts).toEqual(['Kept in postgres'])
    }

    const list = await member.request('GET', `/api/meetings/${meetingId}/snapshots`)
    expect(list.body.map((entry: { kind: string }) => entry.kind).sort()).toEqual([
      'manual',
      'restore-point',
    ])

    // Attendance is an upsert; joining twice keeps one row per person.
    const again = connectProvider(server.url, meetingId, member.cookie)
    await again.synced
    let record = ''
    for (let attempt = 0; attempt < 250 && !record.includes('- Member (member)'); attempt++) {
      record = (await member.request('GET', `/api/meetings/${meetingId}/export?format=md`)).body
      if (record.includes('- Member (member)')) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(record).toContain('- Facilitator (facilitator)\n- Member (member)\n\n')
    expect(record).toContain('Kept in postgres')

    a.destroy()
    b.destroy()
    again.destroy()
  })
})
