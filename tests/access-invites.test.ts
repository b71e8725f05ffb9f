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

const dayMs = 24 * 60 * 60 * 1000

async function teamWithFacilitator() {
  const facilitator = await new ApiClient(server.url).signup('Facilitator')
  const teamId = await facilitator.createTeam()
  return { facilitator, teamId }
}

async function invite(client: ApiClient, teamId: string, body: Record<string, unknown>) {
  const response = await client.request('POST', `/api/teams/${teamId}/invites`, body)
  expect(response.status).toBe(201)
  return response.body as { token: string; role: string; expiresAt: number; singleUse: boolean }
}

async function roleOf(client: ApiClient, teamId: string) {
  const response = await client.request('GET', `/api/teams/${teamId}`)
  return response.status === 200 ? (response.body.role as string) : null
}

describe('invitation creation', () => {
  it('defaults to seven days and many uses', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const before = Date.now()
    const created = await invite(facilitator, teamId, { role: 'member' })
    const after = Date.now()

    expect(created.role).toBe('member')
    expect(created.singleUse).toBe(false)
    expect(created.expiresAt).toBeGreaterThanOrEqual(before + 7 * dayMs)
    expect(created.expiresAt).toBeLessThanOrEqual(after + 7 * dayMs)
  })

  it('takes an expiry in days and single use', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const before = Date.now()
    const created = await invite(facilitator, teamId, {
      role: 'observer',
      expiresInDays: 2,
      singleUse: true,
    })

    expect(created.singleUse).toBe(true)
    expect(created.expiresAt).toBeGreaterThanOrEqual(before + 2 * dayMs)
    expect(created.expiresAt).toBeLessThan(before + 3 * dayMs)
  })

  it('stores a trimmed label', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const labelled = await invite(facilitator, teamId, { role: 'member', label: '  For Sam  ' })
    const longest = await invite(facilitator, teamId, { role: 'member', label: 'y'.repeat(80) })
    const blank = await invite(facilitator, teamId, { role: 'member', label: '   ' })
    expect(labelled).toMatchObject({ label: 'For Sam' })

    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    const byToken = new Map(
      (listed.body as { token: string }[]).map((entry) => [entry.token, entry]),
    )
    expect(byToken.get(labelled.token)).toMatchObject({ label: 'For Sam', usedAt: null })
    expect(byToken.get(longest.token)).toMatchObject({ label: 'y'.repeat(80) })
    expect(byToken.get(blank.token)).toMatchObject({ label: null })
  })

  it('rejects bad input and stores nothing', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const bodies = [
      { role: 'owner' },
      { role: 'member', expiresInDays: 0 },
      { role: 'member', expiresInDays: 1.5 },
      { role: 'member', expiresInDays: 365 },
      { role: 'member', expiresInDays: '7' },
      { role: 'member', singleUse: 'yes' },
      { role: 'member', label: 'x'.repeat(81) },
      { role: 'member', label: 42 },
    ]
    for (const body of bodies) {
      const response = await facilitator.request('POST', `/api/teams/${teamId}/invites`, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.error, JSON.stringify(body)).toMatch(/^invalid /)
    }
    const malformed = await facilitator.request('POST', `/api/teams/${teamId}/invites`, '{"role":')
    expect(malformed.status).toBe(400)

    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toEqual([])
  })

  it('is for facilitators only', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const member = await new ApiClient(server.url).signup('Member')
    const stranger = await new ApiClient(server.url).signup('Stranger')
    await facilitator.addMember(teamId, member, 'member')
    const open = await invite(facilitator, teamId, { role: 'member' })

    const byMember = await member.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'member',
    })
    expect(byMember.status).toBe(403)
    expect(byMember.body.error).toMatch(/only a facilitator/)
    expect((await member.request('GET', `/api/teams/${teamId}/invites`)).status).toBe(403)
    const revoke = await member.request('DELETE', `/api/teams/${teamId}/invites/${open.token}`)
    expect(revoke.status).toBe(403)

    const byStranger = await stranger.request('POST', `/api/teams/${teamId}/invites`, {
      role: 'facilitator',
    })
    expect(byStranger.status).toBe(404)
    expect((await stranger.request('GET', `/api/teams/${teamId}/invites`)).status).toBe(404)

    // The member's own invitation and `open`; nothing was added or revoked by the others.
    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toHaveLength(2)
    expect(listed.body.map((row: { token: string }) => row.token)).toContain(open.token)
  })
})

describe('invitation acceptance', () => {
  it('adds the user with the role', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'observer' })
    const guest = await new ApiClient(server.url).signup('Coach')

    const shown = await guest.request('GET', `/api/invites/${created.token}`)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ teamId, teamName: 'Grade 5 team', role: 'observer' })

    const accepted = await guest.request('POST', `/api/invites/${created.token}/accept`)
    expect(accepted.status).toBe(200)
    expect(accepted.body).toEqual({ teamId, role: 'observer', alreadyMember: false })
    expect(await roleOf(guest, teamId)).toBe('observer')
  })

  it('marks a reusable link as used', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member' })
    const guest = await new ApiClient(server.url).signup('Guest')
    const before = Date.now()
    expect((await guest.request('POST', `/api/invites/${created.token}/accept`)).status).toBe(200)

    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toHaveLength(1)
    expect(listed.body[0].usedAt).toBeGreaterThanOrEqual(before)
  })

  it('lets many users through a reusable link', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member' })
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const user = await new ApiClient(server.url).signup(name)
      const accepted = await user.request('POST', `/api/invites/${created.token}/accept`)
      expect(accepted.status).toBe(200)
    }
    const members = await facilitator.request('GET', `/api/teams/${teamId}/members`)
    expect(members.body).toHaveLength(4)
  })

  it('refuses a replayed single-use link', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member', singleUse: true })
    const first = await new ApiClient(server.url).signup('First')
    const second = await new ApiClient(server.url).signup('Second')

    expect((await first.request('POST', `/api/invites/${created.token}/accept`)).status).toBe(200)
    const replay = await second.request('POST', `/api/invites/${created.token}/accept`)
    expect(replay.status).toBe(410)
    expect(replay.body.error).toMatch(/already used/)
    expect(await roleOf(second, teamId)).toBeNull()

    const shown = await second.request('GET', `/api/invites/${created.token}`)
    expect(shown.status).toBe(410)
    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toEqual([])
  })

  it('lets one of concurrent single-use accepts win', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member', singleUse: true })
    const users = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((name) => new ApiClient(server.url).signup(name)),
    )

    const results = await Promise.all(
      users.map((user) => user.request('POST', `/api/invites/${created.token}/accept`)),
    )
    const statuses = results.map((result) => result.status).sort()
    expect(statuses).toEqual([200, 410, 410, 410, 410])

    const members = await facilitator.request('GET', `/api/teams/${teamId}/members`)
    expect(members.body).toHaveLength(2)
  })

  it('keeps the role of a current member', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')
    const created = await invite(facilitator, teamId, { role: 'observer', singleUse: true })

    const again = await member.request('POST', `/api/invites/${created.token}/accept`)
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ teamId, role: 'member', alreadyMember: true })
    expect(await roleOf(member, teamId)).toBe('member')

    const own = await facilitator.request('POST', `/api/invites/${created.token}/accept`)
    expect(own.body.role).toBe('facilitator')
    expect(await roleOf(facilitator, teamId)).toBe('facilitator')

    // The link was not spent on people who were already in.
    const newcomer = await new ApiClient(server.url).signup('Newcomer')
    const accepted = await newcomer.request('POST', `/api/invites/${created.token}/accept`)
    expect(accepted.status).toBe(200)
    expect(accepted.body.role).toBe('observer')
  })

  it('needs a signed-in user', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member', singleUse: true })
    const anonymous = new ApiClient(server.url)

    const response = await anonymous.request('POST', `/api/invites/${created.token}/accept`)
    expect(response.status).toBe(401)
    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toHaveLength(1)
  })

  it('answers 404 for an unknown token', async () => {
    const user = await new ApiClient(server.url).signup('Guest')
    const response = await user.request('POST', '/api/invites/not-a-real-token/accept')
    expect(response.status).toBe(404)
    expect(response.body.error).toMatch(/invitation not found/)
  })

  it('refuses an expired link', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const created = await invite(facilitator, teamId, { role: 'member' })
    await server.services.db
      .updateTable('invites')
      .set({ expires_at: Date.now() - 1 })
      .where('token', '=', created.token)
      .execute()
    const guest = await new ApiClient(server.url).signup('Late')

    const accepted = await guest.request('POST', `/api/invites/${created.token}/accept`)
    expect(accepted.status).toBe(410)
    expect(accepted.body.error).toMatch(/expired/)
    expect(await roleOf(guest, teamId)).toBeNull()
    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body).toEqual([])
  })
})

describe('invitation revocation', () => {
  it('closes the link', async () => {
    const { facilitator, teamId } = await teamWithFacilitator()
    const kept = await invite(facilitator, teamId, { role: 'member' })
    const revoked = await invite(facilitator, teamId, { role: 'facilitator' })

    const response = await facilitator.request(
      'DELETE',
      `/api/teams/${teamId}/invites/${revoked.token}`,
    )
    expect(response.status).toBe(200)

    const guest = await new ApiClient(server.url).signup('Guest')
    const accepted = await guest.request('POST', `/api/invites/${revoked.token}/accept`)
    expect(accepted.status).toBe(410)
    expect(accepted.body.error).toMatch(/revoked/)
    expect(await roleOf(guest, teamId)).toBeNull()

    const listed = await facilitator.request('GET', `/api/teams/${teamId}/invites`)
    expect(listed.body.map((row: { token: string }) => row.token)).toEqual([kept.token])
    expect(listed.body[0]).toMatchObject({
      role: 'member',
      singleUse: false,
      createdBy: 'Facilitator',
    })

    const again = await facilitator.request(
      'DELETE',
      `/api/teams/${teamId}/invites/${revoked.token}`,
    )
    expect(again.status).toBe(404)
  })

  it('cannot reach another team', async () => {
    const a = await teamWithFacilitator()
    const b = await teamWithFacilitator()
    const foreign = await invite(b.facilitator, b.teamId, { role: 'member' })

    const response = await a.facilitator.request(
      'DELETE',
      `/api/teams/${a.teamId}/invites/${foreign.token}`,
    )
    expect(response.status).toBe(404)
    const listed = await b.facilitator.request('GET', `/api/teams/${b.teamId}/invites`)
    expect(listed.body).toHaveLength(1)
  })
})
