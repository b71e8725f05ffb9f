import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { CloseCode, MessageType } from '../shared/wire'
import { encodeEmptySyncStep1, encodeUpdateMessage, joined, roundTrip } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'
import { paragraph } from './support/notes'

const maxMessageBytes = 64 * 1024
let server: TestServer
let facilitator: ApiClient
let meetingId: string

beforeAll(async () => {
  server = await startTestServer({ maxMessageBytes })
  ;({ facilitator, meetingId } = await setupMeeting(server.url))
})
afterAll(async () => {
  await server.stop()
})

function message(...parts: Array<(encoder: encoding.Encoder) => void>): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) part(encoder)
  return encoding.toUint8Array(encoder)
}

function sync(subtype: number, payload: Uint8Array): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, MessageType.Sync),
    (e) => encoding.writeVarUint(e, subtype),
    (e) => encoding.writeVarUint8Array(e, payload),
  )
}

function awareness(entries: Array<{ id: number; clock: number; json: string }>): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, MessageType.Awareness),
    (e) =>
      encoding.writeVarUint8Array(
        e,
        message(
          (a) => encoding.writeVarUint(a, entries.length),
          ...entries.map((entry) => (a: encoding.Encoder) => {
            encoding.writeVarUint(a, entry.id)
            encoding.writeVarUint(a, entry.clock)
            encoding.writeVarString(a, entry.json)
          }),
        ),
      ),
  )
}

/** Messages a broken or hostile client could send; each must close its socket with 4400. */
const malformed: Array<{ name: string; data: Uint8Array }> = [
  { name: 'empty frame', data: new Uint8Array(0) },
  { name: 'unterminated varUint type', data: new Uint8Array([0x80, 0x80]) },
  { name: 'huge varUint type', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) },
  { name: 'sync without subtype', data: new Uint8Array([MessageType.Sync]) },
  { name: 'sync with unknown subtype', data: sync(9, new Uint8Array([0])) },
  { name: 'sync step 1 with garbage vector', data: sync(0, new Uint8Array([5, 1])) },
  { name: 'sync step 1 with trailing bytes', data: new Uint8Array([0, 0, 1, 0, 42]) },
  { name: 'sync step 2 with empty update', data: sync(1, new Uint8Array(0)) },
  { name: 'update with length past the end', data: new Uint8Array([0, 2, 100, 1, 2]) },
  { name: 'update of random bytes', data: sync(2, new Uint8Array([1, 1, 9, 0, 7, 7, 7, 7])) },
  { name: 'awareness without payload', data: new Uint8Array([MessageType.Awareness]) },
  {
    name: 'awareness count past the end',
    data: message(
      (e) => encoding.writeVarUint(e, MessageType.Awareness),
      (e) => encoding.writeVarUint8Array(e, new Uint8Array([200, 1, 1])),
    ),
  },
  { name: 'awareness with invalid JSON', data: awareness([{ id: 7, clock: 1, json: '{"a":' }]) },
  { name: 'query awareness with payload', data: new Uint8Array([MessageType.QueryAwareness, 1]) },
  { name: 'auth message', data: new Uint8Array([MessageType.Auth, 0]) },
  { name: 'clock ping truncated', data: new Uint8Array([MessageType.ClockPing, 1, 2]) },
  {
    name: 'clock ping with trailing bytes',
    data: new Uint8Array([MessageType.ClockPing, 0, 0, 0, 0, 0, 0, 0, 0, 9]),
  },
  ...[100, 102, 103, 105, 106, 107, 108, 109, 110].map((type) => ({
    name: `message type ${type}`,
    data: message(
      (e) => encoding.writeVarUint(e, type),
      (e) => encoding.writeVarString(e, '{}'),
    ),
  })),
  { name: 'card draft without state', data: new Uint8Array([MessageType.CardDraft]) },
  { name: 'card draft state 2', data: new Uint8Array([MessageType.CardDraft, 2]) },
]

async function expectRoomAlive(): Promise<void> {
  const writer = connectProvider(server.url, meetingId, facilitator.cookie)
  const reader = connectProvider(server.url, meetingId, facilitator.cookie)
  await Promise.all([writer.synced, reader.synced])
  const marker = `alive ${Math.random()}`
  writer.doc.getXmlFragment('notes:review').insert(0, [paragraph(marker)])
  await waitFor(() => reader.doc.getXmlFragment('notes:review').toString().includes(marker))
  writer.destroy()
  reader.destroy()
}

describe('socket malformed input', () => {
  it.each(malformed)('closes with 4400 on $name after the room loaded', async ({ data }) => {
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(socket)
    socket.ws.send(data)
    expect((await socket.closed).code).toBe(CloseCode.MalformedMessage)
  })

  it.each(malformed)('closes with 4400 on $name sent before the room loads', async ({ data }) => {
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    socket.ws.send(data)
    expect((await socket.closed).code).toBe(CloseCode.MalformedMessage)
  })

  it('keeps the room working after every malformed message', async () => {
    await expectRoomAlive()
    await waitFor(() => server.services.rooms.size === 0, 5000, 'rooms to unload')
  })
})

describe('socket floods', () => {
  it('open and close at once without leaking a room', async () => {
    const sockets = Array.from({ length: 60 }, () =>
      openRawSocket(server.url, meetingId, { cookie: facilitator.cookie }),
    )
    // Half close as soon as they open, while the room loads; the others once they joined.
    await Promise.all(
      sockets.map(async (socket, index) => {
        await socket.opened
        if (index % 2 === 0) socket.ws.close()
        else {
          socket.ws.send(encodeEmptySyncStep1())
          await joined(socket)
          socket.ws.terminate()
        }
        await socket.closed
      }),
    )
    await waitFor(() => server.services.rooms.size === 0, 5000, 'rooms to unload')
    await expectRoomAlive()
  })

  it('relays a flood of small updates', async () => {
    const flooder = connectProvider(server.url, meetingId, facilitator.cookie)
    const reader = connectProvider(server.url, meetingId, facilitator.cookie)
    await Promise.all([flooder.synced, reader.synced])

    const line = paragraph('')
    flooder.doc.getXmlFragment('notes:flood').insert(0, [line])
    const text = line.get(0) as Y.XmlText
    for (let i = 0; i < 2000; i++) text.insert(text.length, 'x')
    await waitFor(() => reader.doc.getXmlFragment('notes:flood').toString().length >= 2000, 15000)
    flooder.destroy()
    reader.destroy()
  })

  it('replies to a flood of pings and queries', async () => {
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(socket)
    for (let i = 0; i < 2000; i++) {
      socket.ws.send(new Uint8Array([MessageType.QueryAwareness]))
      socket.ws.send(
        message(
          (e) => encoding.writeVarUint(e, MessageType.ClockPing),
          (e) => encoding.writeFloat64(e, NaN),
        ),
      )
    }
    await roundTrip(socket.ws, socket.messages)
    socket.ws.close()
    await socket.closed
  })
})

describe('socket awareness spoofing', () => {
  it('cannot take over or remove another client awareness state', async () => {
    const victim = connectProvider(server.url, meetingId, facilitator.cookie)
    await victim.synced
    victim.provider.awareness.setLocalStateField('user', { name: facilitator.user!.name })
    const watcher = connectProvider(server.url, meetingId, facilitator.cookie)
    await watcher.synced
    const victimId = victim.doc.clientID
    await waitFor(() => watcher.provider.awareness.getStates().has(victimId))

    const attacker = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await joined(attacker)
    const forged = JSON.stringify({ user: { name: facilitator.user!.name, cursor: 'moved' } })
    attacker.ws.send(awareness([{ id: victimId, clock: 1000, json: forged }]))
    attacker.ws.send(awareness([{ id: victimId, clock: 2000, json: 'null' }]))
    await roundTrip(attacker.ws, attacker.messages)

    expect(attacker.ws.readyState).toBe(attacker.ws.OPEN)
    const seen = watcher.provider.awareness.getStates().get(victimId) as { user?: { name: string } }
    expect(seen?.user).toEqual({ name: facilitator.user!.name })

    attacker.ws.close()
    victim.destroy()
    watcher.destroy()
  })
})

describe('socket update forgery', () => {
  it('closes a removed member socket for good', async () => {
    const { facilitator: owner, teamId, meetingId: id } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Removed')
    await owner.addMember(teamId, member, 'member')
    const socket = openRawSocket(server.url, id, { cookie: member.cookie })
    await joined(socket)
    const removed = await owner.request('DELETE', `/api/teams/${teamId}/members/${member.user!.id}`)
    expect(removed.status).toBe(200)
    expect((await socket.closed).code).toBe(CloseCode.Forbidden)

    const again = openRawSocket(server.url, id, { cookie: member.cookie })
    expect((await again.closed).code).toBe(CloseCode.Forbidden)
  })

  it('drops a non-notes update sent before the sync', async () => {
    const doc = new Y.Doc()
    doc.getMap('timer').set('status', 'ended')
    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    socket.ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(doc)))
    await roundTrip(socket.ws, socket.messages)
    socket.ws.close()
    await socket.closed

    const reader = connectProvider(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(reader.doc.getMap('timer').size).toBe(0)
    reader.destroy()
  })
})

describe('socket backlog', () => {
  it('drops a socket that asks for the document without reading it', async () => {
    const { facilitator: owner, meetingId: id } = await setupMeeting(server.url)
    const writer = connectProvider(server.url, id, owner.cookie)
    await writer.synced
    const notes = writer.doc.getXmlFragment('notes:review')
    for (let i = 0; i < 8; i++) notes.insert(0, [paragraph(`${i}`.repeat(40_000))])
    const reader = connectProvider(server.url, id, owner.cookie)
    await reader.synced
    await waitFor(() => reader.doc.getXmlFragment('notes:review').length === 8)

    const greedy = openRawSocket(server.url, id, { cookie: owner.cookie })
    await joined(greedy)
    // The client stops reading, then sends sync step 1 over and over.
    ;(greedy.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    for (let i = 0; i < 300; i++) greedy.ws.send(encodeEmptySyncStep1())

    const room = server.services.rooms.get(id)!
    await waitFor(() => room.connections.size === 2, 10_000, 'the greedy socket to be dropped')
    ;(greedy.ws as unknown as { _socket: { resume(): void } })._socket.resume()
    expect((await greedy.closed).code).not.toBe(1000)

    // The others carry on.
    notes.insert(0, [paragraph('after the drop')])
    await waitFor(() => reader.doc.getXmlFragment('notes:review').toString().includes('after the'))
    writer.destroy()
    reader.destroy()
  })
})

describe('socket awareness impersonation', () => {
  /** Sends one awareness state from `sender`; returns whether a client joining later sees it. */
  async function presenceSeen(sender: ApiClient, user: Record<string, string>) {
    const { facilitator: owner, teamId, meetingId: id } = await setupMeeting(server.url)
    await owner.addMember(teamId, sender, 'member')

    const clientId = 4_000_000_000 + Math.floor(Math.random() * 1000)
    const socket = openRawSocket(server.url, id, { cookie: sender.cookie })
    await joined(socket)
    socket.ws.send(awareness([{ id: clientId, clock: 1, json: JSON.stringify({ user }) }]))
    await roundTrip(socket.ws, socket.messages)

    // A joining socket gets every awareness state before its sync step 2.
    const late = connectProvider(server.url, id, owner.cookie)
    await late.synced
    const seen = late.provider.awareness.getStates().has(clientId)
    socket.ws.close()
    late.destroy()
    return seen
  }

  it('relays a member presence under their own name', async () => {
    const member = await new ApiClient(server.url).signup('Honest Member')
    const user = { userId: member.user!.id, name: member.user!.name, color: '#123456' }
    const seen = await presenceSeen(member, user)
    expect(seen).toBe(true)
  })

  it('drops a presence under another user id', async () => {
    const member = await new ApiClient(server.url).signup('Mallory')
    const user = { userId: facilitator.user!.id, name: facilitator.user!.name, color: '#123456' }
    const seen = await presenceSeen(member, user)
    expect(seen).toBe(false)
  })

  it('drops a presence under another name', async () => {
    const member = await new ApiClient(server.url).signup('Mallory')
    const user = { userId: member.user!.id, name: 'The Principal', color: '#123456' }
    const seen = await presenceSeen(member, user)
    expect(seen).toBe(false)
  })
})

describe('socket gapped updates', () => {
  /** Builds an update of one client that starts past clocks the server never received. */
  function gappedUpdate(client: number): Uint8Array {
    const doc = new Y.Doc()
    doc.clientID = client
    doc.getXmlFragment('notes:review').insert(0, [paragraph('never sent')])
    const skipped = Y.getState(doc.store, client)
    doc.getXmlFragment('notes:discuss').insert(0, [paragraph('w'.repeat(50_000))])
    const update = Y.diffUpdate(
      Y.encodeStateAsUpdate(doc),
      Y.encodeStateVector(new Map([[client, skipped]]) as never),
    )
    doc.destroy()
    return update
  }

  it('keeps at most one gapped update waiting', async () => {
    const { facilitator: owner, meetingId: id } = await setupMeeting(server.url)
    const socket = openRawSocket(server.url, id, { cookie: owner.cookie })
    await joined(socket)
    const one = gappedUpdate(7000)
    for (let client = 7000; client < 7040; client++) {
      socket.ws.send(encodeUpdateMessage(gappedUpdate(client)))
    }
    await roundTrip(socket.ws, socket.messages)

    const pending = server.services.rooms.get(id)!.doc.store.pendingStructs
    expect(pending?.update.byteLength ?? 0).toBeLessThan(2 * one.byteLength)
    socket.ws.close()
    await socket.closed
  })
})

describe('socket awareness flood', () => {
  it('drops an update listing many client ids', async () => {
    const { facilitator: owner, meetingId: id } = await setupMeeting(server.url)
    const socket = openRawSocket(server.url, id, { cookie: owner.cookie })
    await joined(socket)
    const state = JSON.stringify({ user: { name: owner.user!.name } })
    const entries = Array.from({ length: 500 }, (_, index) => ({
      id: 9000 + index,
      clock: 1,
      json: state,
    }))
    const flooded = new Set(entries.map((entry) => entry.id))
    socket.ws.send(awareness(entries))
    await roundTrip(socket.ws, socket.messages)

    const late = connectProvider(server.url, id, owner.cookie)
    await late.synced
    const listed = [...late.provider.awareness.getStates().keys()].filter((key) => flooded.has(key))
    expect(listed).toEqual([])
    socket.ws.close()
    late.destroy()
  })
})

describe('socket admission forgery', () => {
  it('rejects look-alike and opaque origins', async () => {
    const host = new URL(server.url).host
    const origins = [
      'null',
      `http://${host}.evil.test`,
      `http://evil.test/${host}`,
      `http://${host.replace('127.0.0.1', 'localhost')}`,
      'not a url',
    ]
    for (const origin of origins) {
      const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie, origin })
      const closed = await socket.closed
      expect(closed.code, origin).toBe(CloseCode.OriginRejected)
      expect(socket.messages, origin).toEqual([])
    }
  })

  it('rejects malformed and oversized session cookies', async () => {
    const cookies = [
      'plc_session=',
      'plc_session=' + 'a'.repeat(4000),
      'plc_session=%00%ff',
      `plc_session=${facilitator.cookie.split('=')[1]}x`,
    ]
    for (const cookie of cookies) {
      const socket = openRawSocket(server.url, meetingId, { cookie })
      const closed = await socket.closed
      expect(closed.code, cookie.slice(0, 40)).toBe(CloseCode.Unauthenticated)
      expect(socket.messages).toEqual([])
    }
  })
})
