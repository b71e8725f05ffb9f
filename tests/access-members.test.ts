import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CloseCode } from '../shared/wire'
import { encodeUpdateMessage, joined, makeNotesUpdate, notices, roundTrip } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function teamWith(role: string) {
  const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
  const other = await new ApiClient(server.url).signup('Other')
  await facilitator.addMember(teamId, other, role)
  return { facilitator, teamId, meetingId, other, otherId: other.user!.id }
}

async function roleOf(client: ApiClient, teamId: string) {
  const response = await client.request('GET', `/api/teams/${teamId}`)
  return response.status === 200 ? (response.body.role as string) : null
}

function serverNotes(meetingId: string): string {
  return server.services.rooms.get(meetingId)?.doc.getXmlFragment('notes:review').toString() ?? ''
}

describe('member role changes', () => {
  it('let a facilitator change a role', async () => {
    const { facilitator, teamId, other, otherId } = await teamWith('member')

    const response = await facilitator.request('PATCH', `/api/teams/${teamId}/members/${otherId}`, {
      role: 'observer',
    })
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ userId: otherId, role: 'observer' })
    expect(await roleOf(other, teamId)).toBe('observer')
  })

  it('reject bad input and other roles', async () => {
    const { facilitator, teamId, other, otherId } = await teamWith('member')
    const path = `/api/teams/${teamId}/members/${otherId}`

    expect((await facilitator.request('PATCH', path, { role: 'owner' })).status).toBe(400)
    expect((await facilitator.request('PATCH', path, '{"role"')).status).toBe(400)
    const unknown = await facilitator.request('PATCH', `/api/teams/${teamId}/members/nobody`, {
      role: 'member',
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe('member not found in this team')

    const bySelf = await other.request('PATCH', path, { role: 'facilitator' })
    expect(bySelf.status).toBe(403)
    const stranger = await new ApiClient(server.url).signup('Stranger')
    expect((await stranger.request('PATCH', path, { role: 'observer' })).status).toBe(404)

    expect(await roleOf(other, teamId)).toBe('member')
  })

  it('keep the last facilitator', async () => {
    const { facilitator, teamId, other, otherId } = await teamWith('member')
    const selfPath = `/api/teams/${teamId}/members/${facilitator.user!.id}`

    const demote = await facilitator.request('PATCH', selfPath, { role: 'member' })
    expect(demote.status).toBe(409)
    expect(demote.body.error).toMatch(/at least one facilitator/)
    const leave = await facilitator.request('DELETE', selfPath)
    expect(leave.status).toBe(409)
    expect(leave.body.error).toMatch(/last facilitator/)
    expect(await roleOf(facilitator, teamId)).toBe('facilitator')

    // With a second facilitator, the first may step down, and then the second is the last.
    const promote = await facilitator.request('PATCH', `/api/teams/${teamId}/members/${otherId}`, {
      role: 'facilitator',
    })
    expect(promote.status).toBe(200)
    expect((await facilitator.request('PATCH', selfPath, { role: 'member' })).status).toBe(200)

    const otherPath = `/api/teams/${teamId}/members/${otherId}`
    expect((await other.request('PATCH', otherPath, { role: 'observer' })).status).toBe(409)
    expect((await other.request('DELETE', otherPath)).status).toBe(409)
    expect(await roleOf(other, teamId)).toBe('facilitator')
  })

  it('keep one of two facilitators demoting each other at once', async () => {
    const { facilitator, teamId, other, otherId } = await teamWith('facilitator')

    const results = await Promise.all([
      facilitator.request('PATCH', `/api/teams/${teamId}/members/${otherId}`, { role: 'member' }),
      other.request('PATCH', `/api/teams/${teamId}/members/${facilitator.user!.id}`, {
        role: 'member',
      }),
    ])
    // The loser sees either that the other is now the last facilitator, or that it has
    // itself been demoted already.
    const statuses = results.map((result) => result.status).sort()
    expect(statuses[0]).toBe(200)
    expect([403, 409]).toContain(statuses[1])
    const roles = [await roleOf(facilitator, teamId), await roleOf(other, teamId)]
    expect(roles.filter((role) => role === 'facilitator')).toHaveLength(1)
  })
})

describe('member removal', () => {
  it('lets a facilitator remove a member', async () => {
    const { facilitator, teamId, meetingId, other, otherId } = await teamWith('member')

    const response = await facilitator.request('DELETE', `/api/teams/${teamId}/members/${otherId}`)
    expect(response.status).toBe(200)
    expect(await roleOf(other, teamId)).toBeNull()
    expect((await other.request('GET', `/api/meetings/${meetingId}`)).status).toBe(404)
    const members = await facilitator.request('GET', `/api/teams/${teamId}/members`)
    expect(members.body.map((row: { userId: string }) => row.userId)).not.toContain(otherId)
  })

  it('lets a member leave but not remove others', async () => {
    const { facilitator, teamId, other, otherId } = await teamWith('observer')

    const removeFacilitator = await other.request(
      'DELETE',
      `/api/teams/${teamId}/members/${facilitator.user!.id}`,
    )
    expect(removeFacilitator.status).toBe(403)

    const leave = await other.request('DELETE', `/api/teams/${teamId}/members/${otherId}`)
    expect(leave.status).toBe(200)
    expect(await roleOf(other, teamId)).toBeNull()
    const again = await other.request('DELETE', `/api/teams/${teamId}/members/${otherId}`)
    expect(again.status).toBe(404)
  })

  it('answers 404 for a user outside the team', async () => {
    const { facilitator, teamId } = await teamWith('member')
    const stranger = await new ApiClient(server.url).signup('Stranger')

    const response = await facilitator.request(
      'DELETE',
      `/api/teams/${teamId}/members/${stranger.user!.id}`,
    )
    expect(response.status).toBe(404)
    const byStranger = await stranger.request(
      'DELETE',
      `/api/teams/${teamId}/members/${facilitator.user!.id}`,
    )
    expect(byStranger.status).toBe(404)
    expect(await roleOf(facilitator, teamId)).toBe('facilitator')
  })
})

describe('membership changes on open sockets', () => {
  it('drop a demoted member updates at once', async () => {
    const { facilitator, teamId, meetingId, otherId, other } = await teamWith('member')
    const watcher = connectProvider(server.url, meetingId, facilitator.cookie)
    await watcher.synced
    const socket = openRawSocket(server.url, meetingId, { cookie: other.cookie })
    await joined(socket)

    socket.ws.send(encodeUpdateMessage(makeNotesUpdate('written as member')))
    await roundTrip(socket.ws, socket.messages)
    expect(serverNotes(meetingId)).toContain('written as member')
    await waitFor(() => watcher.doc.getXmlFragment('notes:review').toString().includes('as member'))

    const demote = await facilitator.request('PATCH', `/api/teams/${teamId}/members/${otherId}`, {
      role: 'observer',
    })
    expect(demote.status).toBe(200)
    await waitFor(() => notices(socket.messages).some((notice) => notice.kind === 'role'))
    expect(notices(socket.messages)).toContainEqual({ kind: 'role', role: 'observer' })

    socket.ws.send(encodeUpdateMessage(makeNotesUpdate('written as observer')))
    await roundTrip(socket.ws, socket.messages)
    expect(serverNotes(meetingId)).not.toContain('written as observer')

    // Promoted back, the same socket writes again, and the watcher gets only that update.
    await facilitator.request('PATCH', `/api/teams/${teamId}/members/${otherId}`, {
      role: 'member',
    })
    await waitFor(() =>
      notices(socket.messages).some((notice) => notice.kind === 'role' && notice.role === 'member'),
    )
    socket.ws.send(encodeUpdateMessage(makeNotesUpdate('written after promotion')))
    await waitFor(() =>
      watcher.doc.getXmlFragment('notes:review').toString().includes('after promotion'),
    )
    expect(watcher.doc.getXmlFragment('notes:review').toString()).not.toContain('as observer')
    expect(socket.ws.readyState).toBe(socket.ws.OPEN)

    socket.ws.close()
    watcher.destroy()
  })

  it('close a removed member sockets with 4403', async () => {
    const { facilitator, teamId, meetingId, otherId, other } = await teamWith('member')
    const raw = openRawSocket(server.url, meetingId, { cookie: other.cookie })
    await joined(raw)
    const provider = connectProvider(server.url, meetingId, other.cookie)
    await provider.synced
    const staying = connectProvider(server.url, meetingId, facilitator.cookie)
    await staying.synced

    const response = await facilitator.request('DELETE', `/api/teams/${teamId}/members/${otherId}`)
    expect(response.status).toBe(200)

    expect((await raw.closed).code).toBe(CloseCode.Forbidden)
    expect((await provider.closed).code).toBe(CloseCode.Forbidden)
    // The stock provider stops reconnecting after a 44xx close.
    expect(provider.provider.shouldConnect).toBe(false)
    expect(staying.provider.wsconnected).toBe(true)

    // A new socket with the same cookie is refused before any document byte.
    const retry = openRawSocket(server.url, meetingId, { cookie: other.cookie })
    expect((await retry.closed).code).toBe(CloseCode.Forbidden)
    expect(retry.messages).toHaveLength(0)

    provider.destroy()
    staying.destroy()
  })

  it('close the sockets of a member who leaves', async () => {
    const { teamId, meetingId, otherId, other } = await teamWith('observer')
    const raw = openRawSocket(server.url, meetingId, { cookie: other.cookie })
    await joined(raw)

    const response = await other.request('DELETE', `/api/teams/${teamId}/members/${otherId}`)
    expect(response.status).toBe(200)
    expect((await raw.closed).code).toBe(CloseCode.Forbidden)
  })
})
