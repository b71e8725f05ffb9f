import { createSignal, getOwner, onCleanup, type Accessor } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'

import type { RoomUser } from './room-connection'

/** A person in the room, however many tabs or devices they have open. */
export interface PresentUser extends RoomUser {
  /** Whether this is the signed-in user. */
  isSelf: boolean
  /** Number of open connections (tabs, devices) of this user. */
  connections: number
}

function isRoomUser(value: unknown): value is RoomUser {
  const user = value as Partial<RoomUser> | undefined
  return (
    typeof user?.userId === 'string' &&
    typeof user.name === 'string' &&
    typeof user.color === 'string'
  )
}

/** Lists the users in the awareness states, one entry per user id, the local user first. */
export function listPresentUsers(awareness: Awareness, selfUserId: string): PresentUser[] {
  const byId = new Map<string, PresentUser>()
  for (const state of awareness.getStates().values()) {
    const user = state?.user
    if (!isRoomUser(user)) continue

    const known = byId.get(user.userId)
    if (known) {
      known.connections += 1
    } else {
      byId.set(user.userId, {
        userId: user.userId,
        name: user.name,
        color: user.color,
        isSelf: user.userId === selfUserId,
        connections: 1,
      })
    }
  }
  return [...byId.values()].sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1
    return a.name.localeCompare(b.name)
  })
}

/** Creates a signal of the present users that follows awareness changes. */
export function createPresence(awareness: Awareness, selfUserId: string): Accessor<PresentUser[]> {
  // Cursor moves change awareness too; comparing by content keeps the list from re-rendering.
  const [users, setUsers] = createSignal(listPresentUsers(awareness, selfUserId), {
    equals: (previous, next) => JSON.stringify(previous) === JSON.stringify(next),
  })
  const update = () => setUsers(listPresentUsers(awareness, selfUserId))
  awareness.on('change', update)
  if (getOwner()) onCleanup(() => awareness.off('change', update))
  return users
}
