import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CloseCode, MessageType } from '../shared/wire'
import { joined, messageType } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ['https://plc.example.org'] })
})
afterAll(async () => {
  await server.stop()
})

/** Every team and meeting resource, as [method, path, body]. */
function resources(teamId: string, meetingId: string, memberId: string) {
  return [
    ['GET', `/api/teams/${teamId}`],
    ['GET', `/api/teams/${teamId}/members`],
    ['PATCH', `/api/teams/${teamId}/members/${memberId}`, { role: 'observer' }],
    ['DELETE', `/api/teams/${teamId}/members/${memberId}`],
    ['GET', `/api/teams/${teamId}/invites`],
    ['POST', `/api/teams/${teamId}/invites`, { role: 'facilitator' }],
    ['GET', `/api/teams/${teamId}/meetings`],
    ['GET', `/api/teams/${teamId}/templates`],
    ['GET', `/api/teams/${teamId}/protocols`],
    [
      'POST',
      `/api/teams/${teamId}/meetings`,
      { title: 'Hijack', protocolId: 'vital-lesson-tuning' },
    ],
    ['GET', `/api/meetings/${meetingId}`],
    ['GET', `/api/meetings/${meetingId}/timer`],
    ['POST', `/api/meetings/${meetingId}/timer`, { action: 'start' }],
    ['POST', `/api/meetings/${meetingId}/reopen`],
    ['GET', `/api/meetings/${meetingId}/snapshots`],
    ['POST', `/api/meetings/${meetingId}/snapshots`, { label: 'Stolen' }],
    ['GET', `/api/meetings/${meetingId}/snapshots/unknown`],
    ['POST', `/api/meetings/${meetingId}/snapshots/unknown/restore`],
    ['GET', `/api/meetings/${meetingId}/export?format=md`],
    ['GET', `/api/meetings/${meetingId}/export?format=html`],
    ['GET', `/api/meetings/${meetingId}/cards/settings`],
    ['PUT', `/api/meetings/${meetingId}/cards/settings`, { anonymous: true }],
    ['POST', `/api/meetings/${meetingId}/cards`, { kind: 'warm', text: 'Planted card' }],
    ['PATCH', `/api/meetings/${meetingId}/cards/unknown`, { text: 'Changed' }],
    ['DELETE', `/api/meetings/${meetingId}/cards/unknown`],
    ['POST', `/api/meetings/${meetingId}/cards/unknown/promote`],
    ['POST', `/api/meetings/${meetingId}/cards/group`, { cardIds: [], title: 'Group' }],
    ['GET', `/api/meetings/${meetingId}/next-steps`],
    ['POST', `/api/meetings/${meetingId}/next-steps`, { text: 'Planted step' }],
    ['PATCH', `/api/meetings/${meetingId}/next-steps/unknown`, { done: true }],
    ['DELETE', `/api/meetings/${meetingId}/next-steps/unknown`],
    ['GET', `/api/teams/${teamId}/next-steps`],
    ['POST', `/api/teams/${teamId}/templates`, { name: 'Planted', phases: [] }],
    ['GET', `/api/teams/${teamId}/templates/unknown`],
    ['PUT', `/api/teams/${teamId}/templates/unknown`, { name: 'Planted', phases: [] }],
    ['DELETE', `/api/teams/${teamId}/templates/unknown`],
  ] as const
}

describe('non-members', () => {
  it('get 403 or 404 on every team and meeting resource', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    const stranger = await new ApiClient(server.url).signup('Stranger')

    for (const [method, path, body] of resources(teamId, meetingId, member.user!.id)) {
      const response = await stranger.request(method, path, body)
      const what = `${method} ${path}`
      expect([403, 404], what).toContain(response.status)
      expect(response.body.error, what).toMatch(/not found|only|cannot|not a member/)
      expect(JSON.stringify(response.body), what).not.toContain('Week 2 lesson tuning')
    }

    // Nothing changed: same members, no new meeting, the timer did not start.
    const members = await facilitator.request('GET', `/api/teams/${teamId}/members`)
    expect(members.body).toHaveLength(2)
    const meetings = await facilitator.request('GET', `/api/teams/${teamId}/meetings`)
    expect(meetings.body).toHaveLength(1)
    const invites = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(invites.body.every((row: { role: string }) => row.role === 'member')).toBe(true)
  })

  it('get 401 on every resource when signed out', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const anonymous = new ApiClient(server.url)

    for (const [method, path, body] of resources(teamId, meetingId, facilitator.user!.id)) {
      const response = await anonymous.request(method, path, body)
      expect(response.status, `${method} ${path}`).toBe(401)
    }
  })

  it('get close 4403 and no document byte', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const writer = connectProvider(server.url, meetingId, facilitator.cookie)
    await writer.synced
    writer.doc.getArray('cards').push(['secret card'])
    const stranger = await new ApiClient(server.url).signup('Stranger')

    const raw = openRawSocket(server.url, meetingId, { cookie: stranger.cookie })
    expect((await raw.closed).code).toBe(CloseCode.Forbidden)
    expect(raw.messages).toHaveLength(0)

    const provider = connectProvider(server.url, meetingId, stranger.cookie)
    expect((await provider.closed).code).toBe(CloseCode.Forbidden)
    expect(provider.doc.getArray('cards').length).toBe(0)
    expect(provider.provider.shouldConnect).toBe(false)

    provider.destroy()
    writer.destroy()
  })

  it('get close 4401 without a session or with an ended one', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const anonymous = openRawSocket(server.url, meetingId)
    expect((await anonymous.closed).code).toBe(CloseCode.Unauthenticated)
    expect(anonymous.messages).toHaveLength(0)

    const forged = openRawSocket(server.url, meetingId, { cookie: 'plc_session=made-up-value' })
    expect((await forged.closed).code).toBe(CloseCode.Unauthenticated)
    expect(forged.messages).toHaveLength(0)

    const staleCookie = facilitator.cookie
    await facilitator.request('POST', '/api/auth/logout')
    const stale = openRawSocket(server.url, meetingId, { cookie: staleCookie })
    expect((await stale.closed).code).toBe(CloseCode.Unauthenticated)
    expect(stale.messages).toHaveLength(0)
  })
})

describe('room socket origin', () => {
  it('rejects a foreign origin with 4405 and nothing else', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      const raw = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie, origin })
      expect((await raw.closed).code, origin).toBe(CloseCode.OriginRejected)
      expect(raw.messages, origin).toHaveLength(0)
    }
  })

  it('accepts its own origin and a listed one', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)

    for (const origin of [server.url, 'https://plc.example.org']) {
      const raw = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie, origin })
      await joined(raw)
      expect(messageType(raw.messages[0]), origin).toBe(MessageType.Sync)
      raw.ws.close()
      await raw.closed
    }
  })
})
