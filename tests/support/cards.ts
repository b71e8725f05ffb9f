import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { expect } from 'vitest'

import type { Card } from '../../shared/cards'
import { MessageType, type CardActivity } from '../../shared/wire'
import { ApiClient, setupMeeting } from './http'
import type { TestServer } from './server'
import { waitFor } from './yjs-client'

/** Creates a team with a facilitator, two members, an observer and a live meeting. */
export async function setupCardMeeting(baseUrl: string) {
  const { facilitator, teamId, meetingId } = await setupMeeting(baseUrl)
  const ana = await new ApiClient(baseUrl).signup('Ana Member')
  const ben = await new ApiClient(baseUrl).signup('Ben Member')
  const observer = await new ApiClient(baseUrl).signup('Olga Observer')
  await facilitator.addMember(teamId, ana, 'member')
  await facilitator.addMember(teamId, ben, 'member')
  await facilitator.addMember(teamId, observer, 'observer')
  return { facilitator, ana, ben, observer, teamId, meetingId }
}

/** Posts a card in the discuss phase (which invites warm and cool) and returns it. */
export async function postCard(
  api: ApiClient,
  meetingId: string,
  text: string,
  kind = 'warm',
  phaseId = 'discuss',
): Promise<{ card: Card; editToken?: string }> {
  const response = await api.request('POST', `/api/meetings/${meetingId}/cards`, {
    kind,
    text,
    phaseId,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body
}

/** Returns the card activity messages among the recorded ones, oldest first. */
export function cardActivities(messages: Uint8Array[]): CardActivity[] {
  const activities: CardActivity[] = []
  for (const message of messages) {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== MessageType.CardActivity) continue
    activities.push(JSON.parse(decoding.readVarString(decoder)) as CardActivity)
  }
  return activities
}

/** Returns the count of the last `writing` activity, or 0 before the first one. */
export function lastWritingCount(messages: Uint8Array[]): number {
  const writing = cardActivities(messages).filter((activity) => activity.kind === 'writing')
  const last = writing[writing.length - 1]
  return last && last.kind === 'writing' ? last.count : 0
}

export function encodeCardDraft(state: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.CardDraft)
  encoding.writeVarUint(encoder, state)
  return encoding.toUint8Array(encoder)
}

/**
 * Waits until the server has no room open (so every room has unloaded and stored its document), then
 * reads the meeting's update log as SQLite has it. Close every client of the server first.
 */
export async function readStoredDocument(server: TestServer, meetingId: string) {
  await waitFor(() => server.services.rooms.size === 0, 5000, 'every room to unload')
  const stored = await server.services.documents.load(meetingId)
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return { doc, updates: stored.updates }
}
