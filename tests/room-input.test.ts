import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { CloseCode, MessageType } from '../shared/wire'
import { ApiClient, setupMeeting } from './support/http'
import { paragraph } from './support/notes'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

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

const badMessages: Array<{ name: string; data: Uint8Array | string; code: number }> = [
  {
    name: 'garbled update',
    data: message(
      (e) => encoding.writeVarUint(e, MessageType.Sync),
      (e) => encoding.writeVarUint(e, 2),
      (e) => encoding.writeVarUint8Array(e, new Uint8Array([7, 200, 3, 9, 9, 9])),
    ),
    code: CloseCode.MalformedMessage,
  },
  {
    name: 'truncated sync message',
    data: new Uint8Array([MessageType.Sync, 0, 40, 1]),
    code: CloseCode.MalformedMessage,
  },
  {
    name: 'unknown message type',
    data: message((e) => encoding.writeVarUint(e, 77)),
    code: CloseCode.MalformedMessage,
  },
  {
    name: 'server-only message type',
    data: message(
      (e) => encoding.writeVarUint(e, MessageType.Timer),
      (e) => encoding.writeVarString(e, '{}'),
    ),
    code: CloseCode.MalformedMessage,
  },
  {
    name: 'awareness with invalid JSON',
    data: message(
      (e) => encoding.writeVarUint(e, MessageType.Awareness),
      (e) =>
        encoding.writeVarUint8Array(
          e,
          message(
            (a) => encoding.writeVarUint(a, 1),
            (a) => encoding.writeVarUint(a, 12345),
            (a) => encoding.writeVarUint(a, 1),
            (a) => encoding.writeVarString(a, '{not json'),
          ),
        ),
    ),
    code: CloseCode.MalformedMessage,
  },
  { name: 'text frame', data: 'hello', code: CloseCode.MalformedMessage },
  {
    name: 'oversized message',
    data: new Uint8Array(maxMessageBytes + 1),
    code: CloseCode.MessageTooLarge,
  },
]

describe('room input', () => {
  it.each(badMessages)('closes only the socket that sent a $name', async ({ data, code }) => {
    const bystander = connectProvider(server.url, meetingId, facilitator.cookie)
    await bystander.synced

    const attacker = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await attacker.opened
    attacker.ws.send(data)
    expect((await attacker.closed).code).toBe(code)

    // The room and the other socket carry on: an edit still round-trips through the server.
    const check = connectProvider(server.url, meetingId, facilitator.cookie)
    await check.synced
    const marker = `still alive after ${code} ${Math.random()}`
    bystander.doc.getXmlFragment('notes:probe').insert(0, [paragraph(marker)])
    await waitFor(() => check.doc.getXmlFragment('notes:probe').toString().includes(marker))
    expect(bystander.provider.wsconnected).toBe(true)

    bystander.destroy()
    check.destroy()
  })

  it('applies nothing from a garbled update', async () => {
    const before = connectProvider(server.url, meetingId, facilitator.cookie)
    await before.synced
    const stateBefore = Y.encodeStateVector(before.doc)
    before.destroy()

    // A valid update followed by garbage where the delete set should be.
    const source = new Y.Doc()
    source.getText('probe').insert(0, 'half applied?')
    const valid = Y.encodeStateAsUpdate(source)
    const garbled = valid.slice(0, valid.length - 1)
    const attacker = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await attacker.opened
    attacker.ws.send(
      message(
        (e) => encoding.writeVarUint(e, MessageType.Sync),
        (e) => encoding.writeVarUint(e, 2),
        (e) => encoding.writeVarUint8Array(e, garbled),
      ),
    )
    expect((await attacker.closed).code).toBe(CloseCode.MalformedMessage)

    const after = connectProvider(server.url, meetingId, facilitator.cookie)
    await after.synced
    expect(Y.encodeStateVector(after.doc)).toEqual(stateBefore)
    after.destroy()
  })
})

describe('room admission', () => {
  async function expectRefused(headers: Record<string, string>, id: string, code: number) {
    const socket = openRawSocket(server.url, id, headers)
    const closed = await socket.closed
    expect(closed.code).toBe(code)
    expect(socket.messages).toEqual([])
  }

  it('refuses an anonymous socket', async () => {
    await expectRefused({}, meetingId, CloseCode.Unauthenticated)
  })

  it('refuses a forged session cookie', async () => {
    await expectRefused({ cookie: 'plc_session=forged' }, meetingId, CloseCode.Unauthenticated)
  })

  it('refuses a signed-in non-member', async () => {
    const outsider = await new ApiClient(server.url).signup('Outsider')
    await expectRefused({ cookie: outsider.cookie }, meetingId, CloseCode.Forbidden)
  })

  it('refuses an unknown meeting', async () => {
    await expectRefused(
      { cookie: facilitator.cookie },
      'no-such-meeting',
      CloseCode.MeetingNotFound,
    )
  })

  it('refuses a cross-site origin', async () => {
    await expectRefused(
      { cookie: facilitator.cookie, origin: 'https://evil.example' },
      meetingId,
      CloseCode.OriginRejected,
    )
  })

  it('stops a stock provider from reconnecting after a refusal', async () => {
    const outsider = await new ApiClient(server.url).signup('Outsider')
    const provider = connectProvider(server.url, meetingId, outsider.cookie)
    expect((await provider.closed).code).toBe(CloseCode.Forbidden)
    expect(provider.provider.shouldConnect).toBe(false)
    provider.destroy()
  })
})
