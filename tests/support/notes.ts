import * as Y from 'yjs'

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
