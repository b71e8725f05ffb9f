import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { protocolTemplates } from '../shared/protocols'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function teamWithRoles() {
  const { facilitator, teamId } = await setupMeeting(server.url)
  const member = await new ApiClient(server.url).signup('Member')
  const observer = await new ApiClient(server.url).signup('Observer')
  await facilitator.addMember(teamId, member, 'member')
  await facilitator.addMember(teamId, observer, 'observer')
  return { facilitator, member, observer, teamId, path: `/api/teams/${teamId}/templates` }
}

describe('protocol library API', () => {
  it('lists the built-in templates with phases and minutes', async () => {
    const client = await new ApiClient(server.url).signup()
    const response = await client.request('GET', '/api/protocols')
    expect(response.status).toBe(200)
    expect(response.body.map((t: { id: string }) => t.id)).toEqual(
      protocolTemplates.map((t) => t.id),
    )
    const tuning = response.body.find((t: { id: string }) => t.id === 'vital-lesson-tuning')
    expect(tuning.phases[0]).toMatchObject({ id: 'organize', title: 'Organize', minutes: 5 })
  })
})

describe('team templates API', () => {
  it('copies, edits, lists and deletes a team template', async () => {
    const { facilitator, observer, path, teamId } = await teamWithRoles()

    const created = await facilitator.request('POST', path, {
      name: 'Our tuning',
      copyOf: 'tuning-40',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'Our tuning', basedOn: 'tuning-40', teamId })
    expect(created.body.phases).toHaveLength(7)
    const id = created.body.id

    const phases = created.body.phases
    const reordered = [
      { ...phases[1], minutes: 6 },
      phases[0],
      { title: 'Silent writing', minutes: 4 },
      ...phases.slice(2, 5),
    ]
    const updated = await facilitator.request('PUT', `${path}/${id}`, {
      name: 'Our tuning, short',
      phases: reordered,
    })
    expect(updated.status).toBe(200)
    expect(updated.body.name).toBe('Our tuning, short')
    expect(updated.body.phases.map((p: { id: string }) => p.id)).toEqual([
      'clarifying',
      'presentation',
      'silent-writing',
      'probing',
      'reflect',
      'feedback',
    ])
    expect(updated.body.phases[0].minutes).toBe(6)

    const listed = await observer.request('GET', path)
    expect(listed.status).toBe(200)
    expect(listed.body.map((t: { id: string }) => t.id)).toEqual([id])

    const choices = await observer.request('GET', `/api/teams/${teamId}/protocols`)
    expect(choices.body.filter((t: { source: string }) => t.source === 'team')).toHaveLength(1)
    expect(choices.body.filter((t: { source: string }) => t.source === 'built-in')).toHaveLength(
      protocolTemplates.length,
    )

    expect((await facilitator.request('DELETE', `${path}/${id}`)).status).toBe(204)
    expect((await facilitator.request('GET', `${path}/${id}`)).status).toBe(404)
    expect((await facilitator.request('DELETE', `${path}/${id}`)).status).toBe(404)
  })

  it('lets only facilitators change templates', async () => {
    const { facilitator, member, observer, path } = await teamWithRoles()
    const created = await facilitator.request('POST', path, { name: 'Mine', copyOf: 'consultancy' })
    const id = created.body.id

    for (const client of [member, observer]) {
      const create = await client.request('POST', path, { name: 'X', copyOf: 'consultancy' })
      expect(create.status).toBe(403)
      expect((await client.request('PUT', `${path}/${id}`, { name: 'X' })).status).toBe(403)
      expect((await client.request('DELETE', `${path}/${id}`)).status).toBe(403)
    }
    const after = await member.request('GET', `${path}/${id}`)
    expect(after.body.name).toBe('Mine')

    const outsider = await new ApiClient(server.url).signup('Outsider')
    expect((await outsider.request('GET', path)).status).toBe(404)
  })

  it('rejects invalid templates with 400 and a message', async () => {
    const { facilitator, path } = await teamWithRoles()
    const phase = { title: 'Talk', minutes: 10 }
    const cases: [unknown, RegExp][] = [
      [{ name: '', phases: [phase] }, /invalid name/],
      [{ name: 'A' }, /give phases, or copyOf/],
      [{ name: 'A', copyOf: 'no-such-template' }, /unknown template "no-such-template"/],
      [{ name: 'A', phases: [] }, /at least one phase/],
      [{ name: 'A', phases: [{ title: 'Talk', minutes: 0 }] }, /invalid phases.0.minutes/],
      [{ name: 'A', phases: [{ title: 'Talk', minutes: 2.5 }] }, /whole number of minutes/],
      [{ name: 'A', phases: [{ title: '', minutes: 5 }] }, /invalid phases.0.title/],
      [{ name: 'A', phases: [{ ...phase, cardKinds: ['hot'] }] }, /must be one of warm, cool/],
      [{ name: 'A', phases: [{ ...phase, speakers: 'nobody' }] }, /must be one of everyone/],
      [{ name: 'A', phases: [{ ...phase, id: 'Bad Id' }] }, /invalid phases.0.id/],
      [
        {
          name: 'A',
          phases: [
            { ...phase, id: 'x' },
            { ...phase, id: 'x' },
          ],
        },
        /"x" is used by two phases/,
      ],
      [{ name: 'A', phases: Array.from({ length: 31 }, () => phase) }, /at most 30 phases/],
    ]
    for (const [body, message] of cases) {
      const response = await facilitator.request('POST', path, body)
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(response.body.error, JSON.stringify(body).slice(0, 80)).toMatch(message)
    }
    expect((await facilitator.request('GET', path)).body).toEqual([])
  })

  it('starts a meeting from a team template and keeps its own copy', async () => {
    const { facilitator, path, teamId } = await teamWithRoles()
    const created = await facilitator.request('POST', path, {
      name: 'Short consultancy',
      phases: [
        { title: 'Dilemma', minutes: 5, speakers: 'presenter' },
        { title: 'Discussion', minutes: 10, cardKinds: ['wonder'], speakers: 'group' },
      ],
    })
    const meeting = await facilitator.request('POST', `/api/teams/${teamId}/meetings`, {
      title: 'Week 3',
      protocolId: created.body.id,
    })
    expect(meeting.status).toBe(201)

    await facilitator.request('PUT', `${path}/${created.body.id}`, {
      phases: [{ title: 'Only one', minutes: 30 }],
    })
    const read = await facilitator.request('GET', `/api/meetings/${meeting.body.id}`)
    expect(read.body.phases).toEqual([
      { id: 'dilemma', title: 'Dilemma', minutes: 5, speakers: 'presenter' },
      {
        id: 'discussion',
        title: 'Discussion',
        minutes: 10,
        cardKinds: ['wonder'],
        speakers: 'group',
      },
    ])

    const timer = await facilitator.request('GET', `/api/meetings/${meeting.body.id}/timer`)
    expect(timer.body).toMatchObject({ phaseCount: 2, remainingMs: 5 * 60_000 })
  })

  it('does not start a meeting from another team’s template', async () => {
    const first = await teamWithRoles()
    const created = await first.facilitator.request('POST', first.path, {
      name: 'Private',
      copyOf: 'tuning-full',
    })
    const other = await setupMeeting(server.url)
    const meetingsPath = `/api/teams/${other.teamId}/meetings`
    const response = await other.facilitator.request('POST', meetingsPath, {
      title: 'Borrowed',
      protocolId: created.body.id,
    })
    expect(response.status).toBe(400)
    expect(response.body.error).toMatch(/unknown protocol/)
  })
})
