import * as Y from 'yjs'

import type { Services } from '../services'

/**
 * Reads a meeting's current document as one Yjs update: from its room when this process has
 * it open, else from storage.
 */
export async function readMeetingState(services: Services, meetingId: string): Promise<Uint8Array> {
  const room = services.rooms.get(meetingId)
  if (room) return Y.encodeStateAsUpdate(room.doc)

  const stored = await services.documents.load(meetingId)
  if (stored.updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc())
  return Y.mergeUpdates(stored.updates)
}

/** Builds a detached document from an encoded state, for reading; destroy it when done. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}
