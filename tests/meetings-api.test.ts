import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

describe('teams and meetings API', () => {
  it('answers health once storage is open', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, storage: 'sqlite' })
  })

  it('lists the protocol templates with phases and minutes', async () => {
    const response = await new ApiClient(server.url).request('GET', '/api/protocols')
    expect(response.status).toBe(200)
    const tuning = response.body.find((p: { id: string }) => p.id === 'vital-lesson-tuning')
    expect(tuning.phases.map((phase: { id: string }) => phase.id)).toEqual([
      'organize',
      'review',
      'discuss',
      'evaluate',
      'recap',
    ])
    for (const phase of tuning.phases) expect(phase.minutes).toBeGreaterThan(0)
  })

  it('makes the team creator its facilitator and answers the meeting with its phases', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)

    const teams = await facilitator.request('GET', '/api/teams')
    expect(teams.body).toEqual([{ id: teamId, name: 'Grade 5 team', role: 'facilitator' }])

    const meeting = await facilitator.request('GET', `/api/meetings/${meetingId}`)
    expect(meeting.status).toBe(200)
    expect(meeting.body).toMatchObject({ id: meetingId, teamId, title: 'Week 2 lesson tuning' })
    expect(meeting.body.phases).toHaveLength(5)

    const list = await facilitator.request('GET', `/api/teams/${teamId}/meetings`)
    expect(list.body.map((m: { id: string }) => m.id)).toEqual([meetingId])
  })

  it('rejects an unknown protocol and an empty title', async () => {
    const { facilitator, teamId } = await setupMeeting(server.url)
    const unknown = await facilitator.request('POST', `/api/teams/${teamId}/meetings`, {
      title: 'x',
      protocolId: 'nope',
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toMatch(/unknown protocol/)

    const empty = await facilitator.request('POST', `/api/teams/${teamId}/meetings`, {
      title: '  ',
      protocolId: 'vital-lesson-tuning',
    })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatch(/invalid title/)
  })

  it('hides a team and its meetings from non-members', async () => {
    const { teamId, meetingId } = await setupMeeting(server.url)
    const outsider = await new ApiClient(server.url).signup('Outsider')

    for (const path of [
      `/api/teams/${teamId}`,
      `/api/teams/${teamId}/meetings`,
      `/api/teams/${teamId}/members`,
      `/api/meetings/${meetingId}`,
    ]) {
      const response = await outsider.request('GET', path)
      expect(response.status, path).toBe(404)
    }
    const create = await outsider.request('POST', `/api/teams/${teamId}/meetings`, {
      title: 'Sneaky',
      protocolId: 'vital-lesson-tuning',
    })
    expect(create.status).toBe(404)
  })

  it('requires a session', async () => {
    const anonymous = new ApiClient(server.url)
    expect((await anonymous.request('GET', '/api/teams')).status).toBe(401)
    expect((await anonymous.request('POST', '/api/teams', { name: 'x' })).status).toBe(401)
  })

  it('answers 404 with an error for an unknown endpoint', async () => {
    const response = await new ApiClient(server.url).request('GET', '/api/nothing-here')
    expect(response.status).toBe(404)
    expect(response.body.error).toMatch(/no such endpoint/)
  })
})
