import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CloseCode, MessageType } from '../shared/wire'
import { joined, roundTrip } from './support/access'
import {
  cardActivities,
  encodeCardDraft,
  lastWritingCount,
  setupCardMeeting,
} from './support/cards'
import { startTestServer, type TestServer } from './support/server'
import { openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

async function openSocket(meetingId: string, cookie: string) {
  const socket = openRawSocket(server.url, meetingId, { cookie })
  await joined(socket)
  return socket
}

describe('card drafting', () => {
  it('shows others a count of writers without names', async () => {
    const { facilitator, ana, ben, meetingId } = await setupCardMeeting(server.url)
    const writerA = await openSocket(meetingId, ana.cookie)
    const writerB = await openSocket(meetingId, ben.cookie)
    const watcher = await openSocket(meetingId, facilitator.cookie)

    writerA.ws.send(encodeCardDraft(1))
    await waitFor(() => lastWritingCount(watcher.messages) === 1, 5000, 'one writer')
    writerB.ws.send(encodeCardDraft(1))
    await waitFor(() => lastWritingCount(watcher.messages) === 2, 5000, 'two writers')
    // A writer's own draft is not in its count.
    await waitFor(() => lastWritingCount(writerA.messages) === 1, 5000, 'writer A sees B')

    // A repeated start keeps the count; a stop lowers it.
    writerA.ws.send(encodeCardDraft(1))
    writerA.ws.send(encodeCardDraft(0))
    await waitFor(() => lastWritingCount(watcher.messages) === 1, 5000, 'A stopped')

    // Leaving counts as stopping.
    writerB.ws.close()
    await waitFor(() => lastWritingCount(watcher.messages) === 0, 5000, 'B left')

    const everything = JSON.stringify(cardActivities(watcher.messages))
    expect(everything).not.toContain(ana.user!.id)
    expect(everything).not.toContain(ben.user!.id)
    expect(everything).not.toContain('Member')

    writerA.ws.close()
    watcher.ws.close()
  })

  it('ignores observers and tells a late joiner', async () => {
    const { ana, observer, meetingId } = await setupCardMeeting(server.url)
    const watcher = await openSocket(meetingId, observer.cookie)
    watcher.ws.send(encodeCardDraft(1))
    await roundTrip(watcher.ws, watcher.messages)

    const writer = await openSocket(meetingId, ana.cookie)
    await roundTrip(writer.ws, writer.messages)
    expect(lastWritingCount(writer.messages)).toBe(0)

    writer.ws.send(encodeCardDraft(1))
    await waitFor(() => lastWritingCount(watcher.messages) === 1, 5000, 'writer counted')
    const late = await openSocket(meetingId, observer.cookie)
    await waitFor(() => lastWritingCount(late.messages) === 1, 5000, 'late joiner told')

    for (const socket of [watcher, writer, late]) socket.ws.close()
  })

  it('closes a socket that sends a malformed draft message', async () => {
    const { ana, meetingId } = await setupCardMeeting(server.url)
    const cases = [
      Uint8Array.of(MessageType.CardDraft),
      Uint8Array.of(MessageType.CardDraft, 2),
      Uint8Array.of(MessageType.CardDraft, 1, 0),
      Uint8Array.of(MessageType.CardActivity, 0),
    ]
    for (const message of cases) {
      const socket = await openSocket(meetingId, ana.cookie)
      socket.ws.send(message)
      expect((await socket.closed).code, `message ${[...message]}`).toBe(CloseCode.MalformedMessage)
    }
  })
})
