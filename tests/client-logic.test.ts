import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterEach, describe, expect, test } from 'vitest'

import { ApiError } from '../client/src/api'
import { listPresentUsers } from '../client/src/meeting/presence'
import { finalCloseMessage } from '../client/src/meeting/room-connection'
import { userColor } from '../client/src/meeting/user-color'
import { safeNextPath, signInPath } from '../client/src/session'
import { CloseCode } from '../shared/wire'

describe('listPresentUsers', () => {
  const docs: Y.Doc[] = []
  const awarenesses: Awareness[] = []

  afterEach(() => {
    for (const awareness of awarenesses.splice(0)) awareness.destroy()
    for (const doc of docs.splice(0)) doc.destroy()
  })

  /** Makes an awareness whose remote states are those given, as if received from peers. */
  function awarenessWith(local: unknown, remote: unknown[]): Awareness {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    docs.push(doc)
    awarenesses.push(awareness)
    awareness.setLocalState(local as Record<string, unknown>)
    remote.forEach((state, index) => {
      awareness.states.set(1_000 + index, state as Record<string, unknown>)
    })
    return awareness
  }

  const ada = { userId: 'u-ada', name: 'Ada', color: '#b91c1c' }
  const ben = { userId: 'u-ben', name: 'Ben', color: '#15803d' }
  const cy = { userId: 'u-cy', name: 'Cy', color: '#1d4ed8' }

  test('one entry per user across tabs', () => {
    const awareness = awarenessWith({ user: ben }, [{ user: ada }, { user: ben }, { user: ben }])
    const users = listPresentUsers(awareness, 'u-ben')

    expect(users.map((user) => user.userId)).toEqual(['u-ben', 'u-ada'])
    expect(users[0].connections).toBe(3)
    expect(users[1].connections).toBe(1)
  })

  test('self first, others by name', () => {
    const awareness = awarenessWith({ user: cy }, [{ user: ben }, { user: ada }])
    const users = listPresentUsers(awareness, 'u-cy')

    expect(users.map((user) => user.name)).toEqual(['Cy', 'Ada', 'Ben'])
    expect(users.map((user) => user.isSelf)).toEqual([true, false, false])
  })

  test('states without a user are skipped', () => {
    const awareness = awarenessWith({ user: ada }, [
      {},
      { user: { name: 'No id', color: '#000000' } },
      { cursor: null },
    ])
    const users = listPresentUsers(awareness, 'u-ada')

    expect(users.map((user) => user.userId)).toEqual(['u-ada'])
  })
})

describe('userColor', () => {
  test('stable and a #rrggbb color', () => {
    for (const id of ['a', 'user-1', 'zq3x9k2m8v', '']) {
      expect(userColor(id)).toMatch(/^#[0-9a-f]{6}$/)
      expect(userColor(id)).toBe(userColor(id))
    }
  })

  test('spreads ids over the palette', () => {
    const colors = new Set(Array.from({ length: 60 }, (_, index) => userColor(`user-${index}`)))
    expect(colors.size).toBeGreaterThanOrEqual(8)
  })
})

describe('safeNextPath', () => {
  test('keeps paths on this site', () => {
    expect(safeNextPath('/meetings/abc')).toBe('/meetings/abc')
    expect(safeNextPath('/teams/t1?tab=members')).toBe('/teams/t1?tab=members')
  })

  test('rejects other sites and junk', () => {
    for (const next of ['//evil.test/x', '/\\evil.test', 'https://evil.test', 'meetings/abc', '']) {
      expect(safeNextPath(next)).toBeUndefined()
    }
    expect(safeNextPath(undefined)).toBeUndefined()
  })

  test('signInPath encodes the return path', () => {
    expect(signInPath('/')).toBe('/')
    expect(signInPath('/meetings/abc')).toBe('/?next=%2Fmeetings%2Fabc')
  })
})

describe('ApiError', () => {
  test('field comes from the message', () => {
    const error = new ApiError(400, 'invalid email: must be an email address')
    expect(error.field).toBe('email')
    expect(error.fieldMessage).toBe('must be an email address')
  })

  test('no field in other messages', () => {
    const error = new ApiError(401, 'invalid email or password')
    expect(error.field).toBeUndefined()
    expect(error.fieldMessage).toBe('invalid email or password')
  })
})

describe('finalCloseMessage', () => {
  test('plain messages for the final codes', () => {
    expect(finalCloseMessage(CloseCode.Unauthenticated)).toBe(
      'You were signed out. Sign in again to keep editing.',
    )
    expect(finalCloseMessage(CloseCode.Forbidden)).toBe('You are no longer a member of this team.')
    expect(finalCloseMessage(CloseCode.MeetingNotFound)).toContain('meeting was not found')
    expect(finalCloseMessage(CloseCode.MessageTooLarge)).toContain('message too large')
    expect(finalCloseMessage(4499)).toContain('close code 4499')
  })
})
