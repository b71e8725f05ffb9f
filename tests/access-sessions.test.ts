import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CloseCode } from '../shared/wire'
import { joined, notices } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  // A short check interval, so sessions that end outside a request are found within a test.
  server = await startTestServer({ sessionCheckIntervalMs: 50 })
})
afterAll(async () => {
  await server.stop()
})

/** Signs the same user in a second time, as from another device. */
async function secondDevice(client: ApiClient, userAgent: string): Promise<ApiClient> {
  const other = new ApiClient(server.url)
  const response = await other.request(
    'POST',
    '/api/auth/login',
    { email: client.user!.email, password: 'correct horse battery' },
    { 'user-agent': userAgent },
  )
  expect(response.status).toBe(200)
  return other
}

function sessionIdOf(client: ApiClient): string {
  return client.cookie.slice('plc_session='.length)
}

describe('session sockets', () => {
  it('close on sign-out, for that session only', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const phone = await secondDevice(facilitator, 'Phone')
    const laptopSocket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    const phoneSocket = openRawSocket(server.url, meetingId, { cookie: phone.cookie })
    await Promise.all([joined(laptopSocket), joined(phoneSocket)])

    const response = await facilitator.request('POST', '/api/auth/logout')
    expect(response.status).toBe(200)
    expect((await laptopSocket.closed).code).toBe(CloseCode.Unauthenticated)
    expect(phoneSocket.ws.readyState).toBe(phoneSocket.ws.OPEN)
    expect((await phone.request('GET', '/api/me')).status).toBe(200)

    phoneSocket.ws.close()
  })

  it('close when the session expires', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(socket)

    await server.services.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', sessionIdOf(facilitator))
      .execute()

    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated)
    expect((await facilitator.request('GET', '/api/me')).status).toBe(401)
  })

  it('close when another process deletes the session', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(socket)

    await server.services.db
      .deleteFrom('sessions')
      .where('id', '=', sessionIdOf(facilitator))
      .execute()
    expect((await socket.closed).code).toBe(CloseCode.Unauthenticated)
  })
})

describe('membership changes from another process', () => {
  it('reach open sockets', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    const socket = openRawSocket(server.url, meetingId, { cookie: member.cookie })
    await joined(socket)
    const membership = server.services.db
      .updateTable('memberships')
      .where('team_id', '=', teamId)
      .where('user_id', '=', member.user!.id)

    // Written straight to the database, as another server process would.
    await membership.set({ role: 'observer' }).execute()
    await waitFor(() => notices(socket.messages).some((notice) => notice.kind === 'role'))
    expect(notices(socket.messages)).toContainEqual({ kind: 'role', role: 'observer' })

    await server.services.db
      .deleteFrom('memberships')
      .where('team_id', '=', teamId)
      .where('user_id', '=', member.user!.id)
      .execute()
    expect((await socket.closed).code).toBe(CloseCode.Forbidden)
  })
})

describe('session list', () => {
  it('shows each session without its secret', async () => {
    const laptop = await new ApiClient(server.url).signup('Teacher')
    const phone = await secondDevice(laptop, 'Phone browser')

    const response = await phone.request('GET', '/api/auth/sessions')
    expect(response.status).toBe(200)
    expect(response.body).toHaveLength(2)

    const text = JSON.stringify(response.body)
    expect(text).not.toContain(sessionIdOf(laptop))
    expect(text).not.toContain(sessionIdOf(phone))

    const current = response.body.filter((row: { current: boolean }) => row.current)
    expect(current).toHaveLength(1)
    expect(current[0].userAgent).toBe('Phone browser')
    for (const row of response.body) {
      expect(typeof row.id).toBe('string')
      expect(typeof row.createdAt).toBe('number')
      expect(row.expiresAt).toBeGreaterThan(Date.now())
    }

    expect((await new ApiClient(server.url).request('GET', '/api/auth/sessions')).status).toBe(401)
  })

  it('ends another session and its sockets', async () => {
    const { facilitator, meetingId } = await setupMeeting(server.url)
    const phone = await secondDevice(facilitator, 'Phone')
    const phoneSocket = openRawSocket(server.url, meetingId, { cookie: phone.cookie })
    const laptopSocket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await Promise.all([joined(phoneSocket), joined(laptopSocket)])

    const listed = await facilitator.request('GET', '/api/auth/sessions')
    const other = listed.body.find((row: { current: boolean }) => !row.current)
    const ended = await facilitator.request('DELETE', `/api/auth/sessions/${other.id}`)
    expect(ended.status).toBe(200)
    expect(ended.body).toEqual({ ok: true, current: false })

    expect((await phoneSocket.closed).code).toBe(CloseCode.Unauthenticated)
    expect((await phone.request('GET', '/api/me')).status).toBe(401)
    expect(laptopSocket.ws.readyState).toBe(laptopSocket.ws.OPEN)
    expect((await facilitator.request('GET', '/api/auth/sessions')).body).toHaveLength(1)

    const again = await facilitator.request('DELETE', `/api/auth/sessions/${other.id}`)
    expect(again.status).toBe(404)
    laptopSocket.ws.close()
  })

  it('cannot end another user session', async () => {
    const victim = await new ApiClient(server.url).signup('Victim')
    const attacker = await new ApiClient(server.url).signup('Attacker')
    const victimList = await victim.request('GET', '/api/auth/sessions')
    const victimSession = victimList.body[0].id

    const byHash = await attacker.request('DELETE', `/api/auth/sessions/${victimSession}`)
    expect(byHash.status).toBe(404)
    const byRawId = await attacker.request('DELETE', `/api/auth/sessions/${sessionIdOf(victim)}`)
    expect(byRawId.status).toBe(404)
    expect((await victim.request('GET', '/api/me')).status).toBe(200)
  })

  it('ends every other session at once', async () => {
    const laptop = await new ApiClient(server.url).signup('Teacher')
    const phone = await secondDevice(laptop, 'Phone')
    const tablet = await secondDevice(laptop, 'Tablet')

    const response = await laptop.request('DELETE', '/api/auth/sessions')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ ended: 2 })
    expect((await phone.request('GET', '/api/me')).status).toBe(401)
    expect((await tablet.request('GET', '/api/me')).status).toBe(401)
    expect((await laptop.request('GET', '/api/me')).status).toBe(200)
  })

  it('ends the current session and clears its cookie', async () => {
    const laptop = await new ApiClient(server.url).signup('Teacher')
    const listed = await laptop.request('GET', '/api/auth/sessions')

    const response = await laptop.request('DELETE', `/api/auth/sessions/${listed.body[0].id}`)
    expect(response.status).toBe(200)
    expect(response.body.current).toBe(true)
    expect(laptop.cookie).toBe('')
  })
})

describe('session expiry', () => {
  it('slides when a session is used in its second half', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const id = sessionIdOf(teacher)
    const tenDays = 10 * 24 * 60 * 60 * 1000
    await server.services.db
      .updateTable('sessions')
      .set({ expires_at: Date.now() + tenDays })
      .where('id', '=', id)
      .execute()

    const response = await teacher.request('GET', '/api/me')
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie().join()).toContain('plc_session=')
    const row = await server.services.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.expires_at).toBeGreaterThan(Date.now() + 3 * tenDays - 60_000)
  })
})
