import { afterAll, describe, expect, it } from 'vitest'

import { loadConfig, type Config } from '../server/config'
import { createLogger } from '../server/logger'
import { startServer, type RunningServer } from '../server/server'
import { joined } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { makeDataDir, startTestServer } from './support/server'
import { openRawSocket } from './support/yjs-client'

const password = 'correct horse battery'
const servers: RunningServer[] = []

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
})

async function serverWith(overrides: Partial<Config>) {
  const server = await startTestServer(overrides)
  servers.push(server)
  return server
}

function login(url: string, email: string, secret: string, headers: Record<string, string> = {}) {
  return new ApiClient(url).request('POST', '/api/auth/login', { email, password: secret }, headers)
}

describe('sign-in answers', () => {
  it('match for an unknown email and a wrong password', async () => {
    const server = await serverWith({})
    const teacher = await new ApiClient(server.url).signup('Teacher')

    const wrongPassword = await login(server.url, teacher.user!.email, 'not the password')
    const unknownEmail = await login(server.url, 'nobody@school.test', 'not the password')

    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect(unknownEmail.body).toEqual(wrongPassword.body)
    const headerNames = (response: typeof wrongPassword) =>
      [...response.headers.keys()].filter((name) => name !== 'date').sort()
    expect(headerNames(unknownEmail)).toEqual(headerNames(wrongPassword))
    expect(wrongPassword.headers.getSetCookie()).toEqual([])
  })
})

describe('sign-in throttling', () => {
  it('locks an account after too many attempts', async () => {
    const server = await serverWith({ loginMaxAttemptsPerAccount: 3, loginWindowMs: 60_000 })
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const email = teacher.user!.email

    for (let i = 0; i < 3; i++) {
      expect((await login(server.url, email, 'wrong guess')).status).toBe(401)
    }
    const locked = await login(server.url, email, password)
    expect(locked.status).toBe(429)
    expect(locked.body.error).toBe('too many sign-in attempts; try again in 1 minute')
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(locked.headers.getSetCookie()).toEqual([])

    // The same email in other letter case is the same account.
    expect((await login(server.url, email.toUpperCase(), password)).status).toBe(429)
    // Another account from the same address is not affected.
    const colleague = await new ApiClient(server.url).signup('Colleague')
    expect((await login(server.url, colleague.user!.email, password)).status).toBe(200)
  })

  it('gives the wait in minutes', async () => {
    const server = await serverWith({ loginMaxAttemptsPerAccount: 2, loginWindowMs: 15 * 60_000 })
    const email = 'counting@school.test'
    for (let i = 0; i < 2; i++) {
      expect((await login(server.url, email, 'wrong guess')).status).toBe(401)
    }
    const locked = await login(server.url, email, 'wrong guess')

    expect(locked.status).toBe(429)
    expect(locked.body.error).toBe('too many sign-in attempts; try again in 15 minutes')
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60)
  })

  it('locks an unknown email the same way', async () => {
    const server = await serverWith({ loginMaxAttemptsPerAccount: 3 })
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await login(server.url, 'ghost@school.test', 'guess')).status)
    }
    expect(statuses).toEqual([401, 401, 401, 429])
  })

  it('forgives failures after a success', async () => {
    const server = await serverWith({ loginMaxAttemptsPerAccount: 3 })
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const email = teacher.user!.email

    expect((await login(server.url, email, 'typo one')).status).toBe(401)
    expect((await login(server.url, email, 'typo two')).status).toBe(401)
    expect((await login(server.url, email, password)).status).toBe(200)
    for (let i = 0; i < 3; i++) {
      expect((await login(server.url, email, 'another typo')).status).toBe(401)
    }
    expect((await login(server.url, email, 'another typo')).status).toBe(429)
  })

  it('counts parallel attempts before checking passwords', async () => {
    const server = await serverWith({ loginMaxAttemptsPerAccount: 3 })
    const teacher = await new ApiClient(server.url).signup('Teacher')

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(server.url, teacher.user!.email, `guess ${i}`)),
    )
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(3)
    expect(statuses.filter((status) => status === 429)).toHaveLength(7)
  })

  it('limits failures per address across accounts', async () => {
    const server = await serverWith({
      loginMaxAttemptsPerAccount: 100,
      loginMaxAttemptsPerAddress: 4,
    })
    const teacher = await new ApiClient(server.url).signup('Teacher')

    // Successes do not use up the address's allowance, so a school's shared address works.
    for (let i = 0; i < 6; i++) {
      expect((await login(server.url, teacher.user!.email, password)).status).toBe(200)
    }
    for (let i = 0; i < 4; i++) {
      expect((await login(server.url, `guess-${i}@school.test`, 'guess')).status).toBe(401)
    }
    const blocked = await login(server.url, 'guess-5@school.test', 'guess')
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await login(server.url, teacher.user!.email, password)).status).toBe(429)

    // Without a trusted proxy, a forged X-Forwarded-For does not give a fresh address.
    const forged = await login(server.url, 'guess-6@school.test', 'guess', {
      'x-forwarded-for': '203.0.113.9',
    })
    expect(forged.status).toBe(429)
  })

  it('takes the address from a trusted proxy', async () => {
    const server = await serverWith({
      loginMaxAttemptsPerAccount: 100,
      loginMaxAttemptsPerAddress: 2,
      trustProxy: true,
    })
    const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.1, ${address}` })

    expect((await login(server.url, 'a@school.test', 'x', from('10.0.0.1'))).status).toBe(401)
    expect((await login(server.url, 'b@school.test', 'x', from('10.0.0.1'))).status).toBe(401)
    expect((await login(server.url, 'c@school.test', 'x', from('10.0.0.1'))).status).toBe(429)
    expect((await login(server.url, 'd@school.test', 'x', from('10.0.0.2'))).status).toBe(401)
  })
})

describe('server logs', () => {
  it('contain no password, session token or invitation token', async () => {
    let output = ''
    const logger = createLogger('trace', {
      write: (line: string) => {
        output += line
      },
    })
    const config: Config = {
      ...loadConfig({}),
      port: 0,
      host: '127.0.0.1',
      dataDir: makeDataDir(),
      clientDir: undefined,
      logLevel: 'trace',
      loginMaxAttemptsPerAccount: 2,
    }
    const server = await startServer(config, logger)
    servers.push(server)

    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const guest = await new ApiClient(server.url).signup('Guest')
    await facilitator.addMember(teamId, guest, 'member')
    const invite = await facilitator.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'observer',
    })
    await facilitator.request('GET', `/api/invites/${invite.body.token}`)
    await guest.request('POST', `/api/invites/${invite.body.token}/accept`)

    for (let i = 0; i < 3; i++) await login(server.url, guest.user!.email, 'a wrong password')
    await login(server.url, 'nobody@school.test', 'unknown user password')
    await facilitator.request('POST', '/api/auth/login', {
      email: facilitator.user!.email,
      password,
    })
    await facilitator.request('POST', '/api/teams', '{"name":', { origin: 'https://evil.example' })

    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(socket)
    const stale = guest.cookie
    await guest.request('POST', '/api/auth/logout')
    const refused = openRawSocket(server.url, meetingId, { cookie: stale })
    await refused.closed
    socket.ws.close()
    await socket.closed

    expect(output).toContain('user signed in')
    expect(output).toContain('sign-in throttled')
    expect(output).toContain('room socket refused')
    for (const secret of [
      password,
      'a wrong password',
      'unknown user password',
      facilitator.cookie.split('=')[1],
      stale.split('=')[1],
      invite.body.token,
    ]) {
      expect(secret.length).toBeGreaterThan(8)
      expect(output).not.toContain(secret)
    }
  })
})
