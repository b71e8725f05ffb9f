import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient } from './support/http'
import { startTestServer, type TestServer } from './support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ['https://plc.example.org'] })
})
afterAll(async () => {
  await server.stop()
})

const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }

async function teamCount(client: ApiClient): Promise<number> {
  const response = await client.request('GET', '/api/teams')
  return response.body.length
}

describe('cross-site requests', () => {
  it('reject a form post', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')

    const form = await teacher.request('POST', '/api/teams', 'name=Hijacked', {
      ...crossSite,
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(form.status).toBe(403)
    expect(form.body.error).toMatch(/cross-site request rejected/)

    // A text/plain form can carry a JSON-looking body, which the API would otherwise parse.
    const textForm = await teacher.request('POST', '/api/teams', '{"name":"Hijacked"}', {
      ...crossSite,
      'content-type': 'text/plain',
    })
    expect(textForm.status).toBe(403)

    const multipart = await teacher.request('POST', '/api/auth/logout', '--x--\r\n', {
      ...crossSite,
      'content-type': 'multipart/form-data; boundary=x',
    })
    expect(multipart.status).toBe(403)

    expect(await teamCount(teacher)).toBe(0)
    expect((await teacher.request('GET', '/api/me')).status).toBe(200)
  })

  it('reject a foreign origin with any body', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const teamId = await teacher.createTeam()

    const json = await teacher.request(
      'POST',
      '/api/teams',
      { name: 'Hijacked' },
      {
        origin: 'https://evil.example',
      },
    )
    expect(json.status).toBe(403)
    const invite = await teacher.request(
      'POST',
      `/api/teams/${teamId}/invites`,
      { role: 'member' },
      {
        origin: 'null',
      },
    )
    expect(invite.status).toBe(403)
    const remove = await teacher.request(
      'DELETE',
      `/api/teams/${teamId}/members/${teacher.user!.id}`,
      undefined,
      crossSite,
    )
    expect(remove.status).toBe(403)

    expect(await teamCount(teacher)).toBe(1)
    expect((await teacher.request('GET', `/api/teams/${teamId}/invites`)).body).toEqual([])
  })

  it('let reads through from anywhere', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const response = await teacher.request('GET', '/api/me', undefined, crossSite)
    expect(response.status).toBe(200)
  })
})

describe('same-site requests', () => {
  it('pass from the app origin', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')

    const json = await teacher.request(
      'POST',
      '/api/teams',
      { name: 'Grade 4' },
      {
        origin: server.url,
        'sec-fetch-site': 'same-origin',
      },
    )
    expect(json.status).toBe(201)

    const text = await teacher.request('POST', '/api/teams', '{"name":"Grade 3"}', {
      origin: server.url,
      'content-type': 'text/plain',
    })
    expect(text.status).toBe(201)

    const fetchMetadataOnly = await teacher.request('POST', '/api/teams', '{"name":"Grade 2"}', {
      'sec-fetch-site': 'same-origin',
      'content-type': 'text/plain',
    })
    expect(fetchMetadataOnly.status).toBe(201)
    expect(await teamCount(teacher)).toBe(3)
  })

  it('pass from a listed origin', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const response = await teacher.request('POST', '/api/teams', 'name=Proxy', {
      origin: 'https://plc.example.org',
      'sec-fetch-site': 'cross-site',
      'content-type': 'text/plain',
    })
    // The body is not JSON, so it gets past the CSRF check to the JSON check.
    expect(response.status).toBe(400)
    expect(response.body.error).toBe('request body is not valid JSON')
  })

  it('pass from programs without browser headers', async () => {
    const teacher = await new ApiClient(server.url).signup('Teacher')
    const response = await teacher.request('POST', '/api/teams', '{"name":"Script"}', {
      'content-type': 'text/plain',
    })
    expect(response.status).toBe(201)
  })
})
