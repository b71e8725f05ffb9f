import * as Y from 'yjs'

import type { TestServer } from './server'
import { waitFor } from './yjs-client'

/** Builds a Tiptap paragraph element holding plain text, as y-prosemirror stores it. */
export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** Returns the plain text of each paragraph of a notes fragment. */
export function paragraphTexts(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((node) =>
    node instanceof Y.XmlElement
      ? node
          .toArray()
          .map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
          .join('')
      : '',
  )
}

/** Resolves once the server's open room has `count` top-level nodes in a phase's notes. */
export async function waitForRoomNotes(
  server: TestServer,
  meetingId: string,
  phaseId: string,
  count: number,
): Promise<void> {
  await waitFor(
    () => {
      const room = server.services.rooms.get(meetingId)
      return room?.doc.getXmlFragment(`notes:${phaseId}`).length === count
    },
    5000,
    `${count} nodes in the room's ${phaseId} notes`,
  )
}
