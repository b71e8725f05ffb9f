import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { postCard, setupCardMeeting } from './support/cards'
import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'

let server: TestServer
let mine: Awaited<ReturnType<typeof setupCardMeeting>>
let theirs: Awaited<ReturnType<typeof setupCardMeeting>>

beforeAll(async () => {
  server = await startTestServer()
  mine = await setupCardMeeting(server.url)
  theirs = await setupCardMeeting(server.url)
})
afterAll(async () => {
  await server.stop()
})

/** Every route that takes a JSON body, with the ids of `mine`. */
function bodyRoutes(): Array<[string, string]> {
  const { teamId, meetingId } = mine
  return [
    ['POST', '/api/auth/signup'],
    ['POST', '/api/auth/login'],
    ['POST', '/api/teams'],
    ['POST', `/api/teams/${teamId}/invites`],
    ['PATCH', `/api/teams/${teamId}/members/${mine.ana.user!.id}`],
    ['POST', `/api/teams/${teamId}/meetings`],
    ['POST', `/api/teams/${teamId}/templates`],
    ['POST', `/api/meetings/${meetingId}/timer`],
    ['POST', `/api/meetings/${meetingId}/snapshots`],
    ['POST', `/api/meetings/${meetingId}/cards`],
    ['PUT', `/api/meetings/${meetingId}/cards/settings`],
    ['POST', `/api/meetings/${meetingId}/cards/group`],
    ['POST', `/api/meetings/${meetingId}/next-steps`],
  ]
}

describe('http bad bodies', () => {
  const bodies = ['{', 'null', '[]', '"text"', '42', '{"__proto__":{"admin":true}}']

  it('reject malformed and wrongly typed JSON with 400', async () => {
    for (const [method, path] of bodyRoutes()) {
      for (const body of bodies) {
        const response = await mine.facilitator.request(method, path, body)
        expect(response.status, `${method} ${path} ${body}`).toBe(400)
        expect(typeof response.body.error, `${method} ${path} ${body}`).toBe('string')
      }
    }
  })

  it('reject a huge body with 413 before reading it', async () => {
    const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(20 * 1024 * 1024) })
    for (const path of ['/api/auth/login', '/api/auth/signup']) {
      const response = await new ApiClient(server.url).request('POST', path, huge)
      expect(response.status, path).toBe(413)
      expect(typeof response.body.error).toBe('string')
    }
  })

  it('reject huge strings in fields with 400', async () => {
    const long = 'x'.repeat(100_000)
    const { teamId, meetingId } = mine
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/teams', { name: long }],
      ['POST', `/api/teams/${teamId}/meetings`, { title: long, protocolId: 'vital-lesson-tuning' }],
      ['POST', `/api/teams/${teamId}/meetings`, { title: 'x', protocolId: long }],
      ['POST', `/api/meetings/${meetingId}/snapshots`, { label: long }],
      ['POST', `/api/meetings/${meetingId}/cards`, { kind: 'warm', text: long, phaseId: 'x' }],
    ]
    for (const [method, path, body] of cases) {
      const response = await mine.facilitator.request(method, path, body)
      expect(response.status, path).toBe(400)
    }
  })
})

describe('http timer arguments', () => {
  const bad = [
    '{"action":"extend","seconds":1e999}',
    '{"action":"extend","seconds":-1e999}',
    '{"action":"extend","seconds":"60"}',
    '{"action":"extend","seconds":null}',
    '{"action":"extend","seconds":0.5}',
    '{"action":"extend","seconds":99999999999}',
    '{"action":"goto","phaseIndex":-1}',
    '{"action":"goto","phaseIndex":1.5}',
    '{"action":"goto","phaseIndex":99}',
    '{"action":"goto","phaseIndex":1e999}',
    '{"action":"goto"}',
    '{"action":"constructor"}',
    '{"action":["start"]}',
  ]

  it('reject each bad argument with 400 and keep the timer', async () => {
    const path = `/api/meetings/${mine.meetingId}/timer`
    const before = await mine.facilitator.request('GET', path)
    for (const body of bad) {
      const response = await mine.facilitator.request('POST', path, body)
      expect(response.status, body).toBe(400)
      expect(typeof response.body.error, body).toBe('string')
    }
    const after = await mine.facilitator.request('GET', path)
    expect(after.body.revision).toBe(before.body.revision)
    expect(after.body.phaseIndex).toBe(before.body.phaseIndex)
  })
})

describe('http cross-team ids', () => {
  it('hide another team meeting, cards and snapshots', async () => {
    const { card } = await postCard(theirs.facilitator, theirs.meetingId, 'Their card')
    const snapshot = await theirs.facilitator.request(
      'POST',
      `/api/meetings/${theirs.meetingId}/snapshots`,
      { label: 'theirs' },
    )
    expect(snapshot.status).toBe(201)
    const snapshotId = snapshot.body.id as string
    const me = mine.facilitator
    const own = mine.meetingId

    const cases: Array<[string, string, unknown?]> = [
      ['GET', `/api/meetings/${theirs.meetingId}`],
      ['GET', `/api/meetings/${theirs.meetingId}/snapshots/${snapshotId}`],
      ['GET', `/api/meetings/${own}/snapshots/${snapshotId}`],
      ['GET', `/api/meetings/${own}/snapshots/${snapshotId}/state`],
      ['POST', `/api/meetings/${own}/snapshots/${snapshotId}/restore`],
      ['GET', `/api/meetings/${own}/export?snapshotId=${snapshotId}`],
      ['PATCH', `/api/meetings/${own}/cards/${card.id}`, { text: 'hijacked' }],
      ['DELETE', `/api/meetings/${own}/cards/${card.id}`],
      ['PUT', `/api/meetings/${own}/cards/${card.id}/vote`],
      ['PATCH', `/api/teams/${theirs.teamId}/members/${theirs.ana.user!.id}`, { role: 'observer' }],
      ['DELETE', `/api/teams/${theirs.teamId}/members/${theirs.ana.user!.id}`],
      ['POST', `/api/teams/${theirs.teamId}/invites`, { role: 'facilitator' }],
    ]
    for (const [method, path, body] of cases) {
      const response = await me.request(method, path, body)
      expect([400, 403, 404], `${method} ${path}`).toContain(response.status)
    }

    const exported = `/api/meetings/${theirs.meetingId}/export`
    const record = await theirs.facilitator.request('GET', exported)
    expect(record.body).toContain('Their card')
    expect(record.body).not.toContain('hijacked')
    const members = await theirs.facilitator.request('GET', `/api/teams/${theirs.teamId}/members`)
    const ana = members.body.find((m: { userId: string }) => m.userId === theirs.ana.user!.id)
    expect(ana.role).toBe('member')
  })

  it('refuse another team template as a meeting protocol or a copy', async () => {
    const template = await theirs.facilitator.request(
      'POST',
      `/api/teams/${theirs.teamId}/templates`,
      { name: 'Secret protocol', copyOf: 'vital-lesson-tuning' },
    )
    expect(template.status).toBe(201)
    const id = template.body.id as string

    const meeting = await mine.facilitator.request('POST', `/api/teams/${mine.teamId}/meetings`, {
      title: 'Borrowed',
      protocolId: id,
    })
    expect(meeting.status).toBe(400)
    const copy = await mine.facilitator.request('POST', `/api/teams/${mine.teamId}/templates`, {
      name: 'Copied',
      copyOf: id,
    })
    expect(copy.status).toBe(400)
    const read = await mine.facilitator.request('GET', `/api/teams/${mine.teamId}/templates/${id}`)
    expect(read.status).toBe(404)
  })

  it('refuse a next step owned by someone outside the team', async () => {
    const response = await mine.facilitator.request(
      'POST',
      `/api/meetings/${mine.meetingId}/next-steps`,
      { text: 'Plan', ownerId: theirs.ana.user!.id, dueDate: '2030-01-01' },
    )
    expect(response.status).toBe(400)
  })
})

describe('http roles', () => {
  it('give observers 403 on every change', async () => {
    const { teamId, meetingId } = mine
    const cases: Array<[string, string, unknown]> = [
      ['POST', `/api/meetings/${meetingId}/timer`, { action: 'start' }],
      ['POST', `/api/meetings/${meetingId}/snapshots`, { label: 'no' }],
      ['POST', `/api/meetings/${meetingId}/cards`, { kind: 'warm', text: 'n', phaseId: 'discuss' }],
      ['PUT', `/api/meetings/${meetingId}/cards/settings`, { anonymous: true }],
      ['POST', `/api/teams/${teamId}/invites`, { role: 'facilitator' }],
      ['POST', `/api/teams/${teamId}/meetings`, { title: 'no', protocolId: 'vital-lesson-tuning' }],
      ['PATCH', `/api/teams/${teamId}/members/${mine.observer.user!.id}`, { role: 'facilitator' }],
      ['POST', `/api/teams/${teamId}/templates`, { name: 'no', copyOf: 'vital-lesson-tuning' }],
    ]
    for (const [method, path, body] of cases) {
      const response = await mine.observer.request(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(403)
    }
  })

  it('give members 403 on facilitator changes', async () => {
    const { teamId, meetingId } = mine
    const cases: Array<[string, string, unknown]> = [
      ['POST', `/api/meetings/${meetingId}/timer`, { action: 'end' }],
      ['PUT', `/api/meetings/${meetingId}/cards/settings`, { anonymous: true }],
      ['POST', `/api/teams/${teamId}/invites`, { role: 'facilitator' }],
      ['PATCH', `/api/teams/${teamId}/members/${mine.ana.user!.id}`, { role: 'facilitator' }],
      ['DELETE', `/api/teams/${teamId}/members/${mine.ben.user!.id}`, undefined],
      ['POST', `/api/meetings/${meetingId}/reopen`, undefined],
    ]
    for (const [method, path, body] of cases) {
      const response = await mine.ana.request(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(403)
    }
  })
})
