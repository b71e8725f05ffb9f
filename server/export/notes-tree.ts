import * as Y from 'yjs'

/** A mark on a run of text, as Tiptap names it (bold, italic, strike, code, link, underline). */
export interface NoteMark {
  type: string
  /** The link target, on link marks. */
  href?: string
}

export interface NoteText {
  type: 'text'
  text: string
  marks: NoteMark[]
}

/** A Tiptap node: paragraph, heading, bulletList, listItem, hardBreak and so on. */
export interface NoteElement {
  type: string
  attrs: Record<string, unknown>
  content: NoteNode[]
}

export type NoteNode = NoteText | NoteElement

export function isNoteText(node: NoteNode): node is NoteText {
  return node.type === 'text' && 'text' in node
}

/** A block of notes: one element, or a run of text and hard breaks between elements. */
export type NoteBlock = { inline: NoteNode[] } | { element: NoteElement }

/** Splits nodes into elements and the runs of inline nodes that stand between them. */
export function splitBlocks(nodes: NoteNode[]): NoteBlock[] {
  const blocks: NoteBlock[] = []
  let run: NoteNode[] = []

  for (const node of nodes) {
    if (isNoteText(node) || node.type === 'hardBreak') {
      run.push(node)
      continue
    }
    if (run.length > 0) blocks.push({ inline: run })
    run = []
    blocks.push({ element: node })
  }
  if (run.length > 0) blocks.push({ inline: run })
  return blocks
}

/**
 * Reads a Tiptap document stored by y-prosemirror in a `Y.XmlFragment` into plain nodes.
 * Elements keep their node name and attributes, and text keeps its marks. y-prosemirror names
 * a mark's attribute after the mark, or `name--<hash>` for marks that may overlap themselves.
 */
export function readNotes(fragment: Y.XmlFragment): NoteNode[] {
  return fragment.toArray().flatMap(readNode)
}

function readNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook): NoteNode[] {
  if (node instanceof Y.XmlText) return readText(node)
  if (node instanceof Y.XmlElement) {
    return [
      {
        type: node.nodeName,
        attrs: { ...node.getAttributes() },
        content: node.toArray().flatMap(readNode),
      },
    ]
  }
  return []
}

function readText(text: Y.XmlText): NoteText[] {
  const runs: NoteText[] = []
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: object }>) {
    if (typeof op.insert !== 'string' || op.insert === '') continue
    runs.push({ type: 'text', text: op.insert, marks: readMarks(op.attributes ?? {}) })
  }
  return runs
}

function readMarks(attributes: object): NoteMark[] {
  const marks: NoteMark[] = []
  for (const [key, value] of Object.entries(attributes)) {
    const type = key.replace(/--[A-Za-z0-9+/=]+$/, '')
    if (type === 'ychange') continue

    const mark: NoteMark = { type }
    const href = (value as { href?: unknown } | null)?.href
    if (type === 'link' && typeof href === 'string') mark.href = href
    marks.push(mark)
  }
  return marks
}

/** Returns the link target when it is safe to render: http(s), mailto, tel or relative. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null
  const trimmed = href.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme === undefined) return trimmed.startsWith('//') ? null : trimmed
  return ['http', 'https', 'mailto', 'tel'].includes(scheme) ? trimmed : null
}

/** Marks in nesting order, outermost first; other marks are dropped from the record. */
export const markOrder = ['link', 'bold', 'italic', 'underline', 'strike', 'code'] as const

/** Returns a run's known marks in nesting order, dropping a link whose target is unsafe. */
export function orderedMarks(marks: NoteMark[]): NoteMark[] {
  const ordered: NoteMark[] = []
  for (const type of markOrder) {
    const mark = marks.find((candidate) => candidate.type === type)
    if (!mark) continue
    if (type === 'link') {
      const href = safeHref(mark.href)
      if (href) ordered.push({ type, href })
      continue
    }
    ordered.push({ type })
  }
  return ordered
}

/** Returns the plain text of nodes, hard breaks as newlines. */
export function plainText(nodes: NoteNode[]): string {
  return nodes
    .map((node) => {
      if (isNoteText(node)) return node.text
      if (node.type === 'hardBreak') return '\n'
      return plainText(node.content)
    })
    .join('')
}

/** Tells whether nodes hold no text and no content-bearing element such as a rule. */
export function isEmptyNotes(nodes: NoteNode[]): boolean {
  return nodes.every((node) => {
    if (isNoteText(node)) return node.text.trim() === ''
    if (node.type === 'horizontalRule') return false
    return isEmptyNotes(node.content)
  })
}
