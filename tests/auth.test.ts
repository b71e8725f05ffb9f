import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('auth', () => {
  it('signs up, reads the user, signs out and back in', async () => {
    const client = new ApiClient(server.url)
    const signup = await client.request('POST', '/api/auth/signup', {
      email: ' Rosa@School.test ',
      name: 'Rosa',
      password: 'lesson-study-2026',
    })
    expect(signup.status).toBe(201)
    expect(signup.body).toMatchObject({ email: 'rosa@school.test', name: 'Rosa' })

    const me = await client.request('GET', '/api/me')
    expect(me.status).toBe(200)
    expect(me.body.id).toBe(signup.body.id)

    expect((await client.request('POST', '/api/auth/logout')).status).toBe(200)
    expect((await client.request('GET', '/api/me')).status).toBe(401)

    const login = await client.request('POST', '/api/auth/login', {
      email: 'rosa@school.test',
      password: 'lesson-study-2026',
    })
    expect(login.status).toBe(200)
    expect((await client.request('GET', '/api/me')).body.name).toBe('Rosa')
  })

  it('sets an HttpOnly SameSite=Lax cookie, Secure only over https', async () => {
    const plain = await new ApiClient(server.url).request('POST', '/api/auth/signup', {
      email: `plain-${Date.now()}@school.test`,
      name: 'Plain',
      password: 'lesson-study-2026',
    })
    const cookie = plain.headers.getSetCookie().join('\n')
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)

    const proxied = await new ApiClient(server.url).request(
      'POST',
      '/api/auth/signup',
      { email: `tls-${Date.now()}@school.test`, name: 'Tls', password: 'lesson-study-2026' },
      { 'x-forwarded-proto': 'https' },
    )
    expect(proxied.headers.getSetCookie().join('\n')).toMatch(/Secure/)
  })

  it('stores a salted scrypt hash, never the password', async () => {
    const client = await new ApiClient(server.url).signup('Hashed')
    const row = await server.services.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', client.user!.id)
      .executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(row.password_hash).not.toContain('correct horse battery')
  })

  it('rejects a duplicate email', async () => {
    const first = await new ApiClient(server.url).signup('Twin')
    const again = await new ApiClient(server.url).request('POST', '/api/auth/signup', {
      email: first.user!.email,
      name: 'Twin',
      password: 'another password',
    })
    expect(again.status).toBe(409)
    expect(again.body.error).toMatch(/already exists/)
  })

  it.each([
    ['malformed JSON', '{"email":', /not valid JSON/],
    ['a missing name', { email: 'x@school.test', password: 'long enough' }, /invalid name/],
    ['a bad email', { email: 'nope', name: 'N', password: 'long enough' }, /invalid email/],
    ['a short password', { email: 'y@school.test', name: 'N', password: 'short' }, /8 characters/],
  ])('rejects sign-up with %s', async (_case, body, message) => {
    const response = await new ApiClient(server.url).request('POST', '/api/auth/signup', body)
    expect(response.status).toBe(400)
    expect(response.body.error).toMatch(message)
  })

  it('answers the same for a wrong password and an unknown email', async () => {
    const user = await new ApiClient(server.url).signup('Careful')
    const wrongPassword = await new ApiClient(server.url).request('POST', '/api/auth/login', {
      email: user.user!.email,
      password: 'not the password',
    })
    const unknownEmail = await new ApiClient(server.url).request('POST', '/api/auth/login', {
      email: 'nobody@school.test',
      password: 'not the password',
    })
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect(wrongPassword.body).toEqual(unknownEmail.body)
  })
})
