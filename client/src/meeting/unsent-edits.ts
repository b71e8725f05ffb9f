import * as Y from 'yjs'

function storageKey(meetingId: string, userId: string): string {
  return `plc-room:unsent:${meetingId}:${userId}`
}

/**
 * Keeps the document's state in this tab's session storage after the server ended the session,
 * so that what the user typed survives leaving the page to sign in again. The state contains
 * everything the document had; merging it into the next copy sends only what the server lacks.
 */
export function saveUnsentEdits(meetingId: string, userId: string, doc: Y.Doc): void {
  try {
    const state = Y.encodeStateAsUpdate(doc)
    let binary = ''
    for (const byte of state) binary += String.fromCharCode(byte)
    sessionStorage.setItem(storageKey(meetingId, userId), btoa(binary))
  } catch {
    // Storage can be full or disabled; the open page still has the document.
  }
}

/** Merges state kept by `saveUnsentEdits` into `doc`; returns whether there was any. */
export function restoreUnsentEdits(meetingId: string, userId: string, doc: Y.Doc): boolean {
  let stored: string | null = null
  try {
    stored = sessionStorage.getItem(storageKey(meetingId, userId))
  } catch {
    return false
  }
  if (!stored) return false

  try {
    const binary = atob(stored)
    const state = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    Y.applyUpdate(doc, state)
    return true
  } catch {
    // A damaged entry cannot be merged; dropping it is all that can be done.
    forgetUnsentEdits(meetingId, userId)
    return false
  }
}

/** Drops kept state once the server has it. */
export function forgetUnsentEdits(meetingId: string, userId: string): void {
  try {
    sessionStorage.removeItem(storageKey(meetingId, userId))
  } catch {
    // Nothing to drop when storage is disabled.
  }
}
