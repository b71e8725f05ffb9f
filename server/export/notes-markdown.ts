import {
  isEmptyNotes,
  isNoteText,
  splitBlocks,
  orderedMarks,
  plainText,
  type NoteElement,
  type NoteMark,
  type NoteNode,
} from './notes-tree'

/**
 * Renders Tiptap notes as CommonMark with GitHub's strikethrough. Note headings move down by
 * `headingOffset` levels (at most to level 6) so they nest under the record's own headings.
 * Underline has no Markdown form and is dropped; text is escaped so it reads back as typed.
 */
export function notesToMarkdown(nodes: NoteNode[], headingOffset = 0): string {
  return renderBlocks(nodes, headingOffset)
}

function renderBlocks(nodes: NoteNode[], headingOffset: number): string {
  const blocks: string[] = []
  for (const block of splitBlocks(nodes)) {
    if ('element' in block) {
      const markdown = renderBlock(block.element, headingOffset)
      if (markdown !== '') blocks.push(markdown)
    } else if (!isEmptyNotes(block.inline)) {
      blocks.push(renderParagraph(block.inline))
    }
  }
  return blocks.join('\n\n')
}

function renderBlock(node: NoteElement, headingOffset: number): string {
  switch (node.type) {
    case 'paragraph':
      return isEmptyNotes(node.content) ? '' : renderParagraph(node.content)

    case 'heading': {
      if (isEmptyNotes(node.content)) return ''
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1) + headingOffset)
      const text = renderInline(node.content).replace(/\\\n/g, ' ')
      return `${'#'.repeat(level)} ${escapeLineStarts(text.trim())}`
    }

    case 'bulletList':
    case 'taskList':
      return node.content
        .filter((item): item is NoteElement => !isNoteText(item))
        .map((item) => renderListItem(item, bulletMarker(item), headingOffset))
        .join('\n')

    case 'orderedList': {
      const start = Number.isInteger(node.attrs.start) ? Number(node.attrs.start) : 1
      return node.content
        .filter((item): item is NoteElement => !isNoteText(item))
        .map((item, index) => renderListItem(item, `${start + index}.`, headingOffset))
        .join('\n')
    }

    case 'blockquote': {
      const inner = renderBlocks(node.content, headingOffset)
      if (inner === '') return ''
      return inner
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
    }

    case 'codeBlock': {
      const code = plainText(node.content).replace(/\n$/, '')
      const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length))
      const fence = '`'.repeat(Math.max(3, longest + 1))
      const language = String(node.attrs.language ?? '').replace(/[^\w#+.-]/g, '')
      return `${fence}${language}\n${code}\n${fence}`
    }

    case 'horizontalRule':
      return '---'

    default:
      return renderBlocks(node.content, headingOffset)
  }
}

const listTypes = new Set(['bulletList', 'orderedList', 'taskList'])

function bulletMarker(item: NoteElement): string {
  if (item.type !== 'taskItem') return '-'
  return item.attrs.checked === true ? '- [x]' : '- [ ]'
}

function renderListItem(item: NoteElement, marker: string, headingOffset: number): string {
  // An item of one paragraph and nested lists stays tight, as an editor's list usually is.
  const tight = item.content.every(
    (child, index) => index === 0 || (!isNoteText(child) && listTypes.has(child.type)),
  )
  const body = tight
    ? item.content
        .map((child) => renderBlocks([child], headingOffset))
        .filter((block) => block !== '')
        .join('\n')
    : renderBlocks(item.content, headingOffset)
  const indent = ' '.repeat(marker.length + 1)
  const lines = body === '' ? [''] : body.split('\n')
  return lines
    .map((line, index) => {
      if (index === 0) return line === '' ? marker : `${marker} ${line}`
      return line === '' ? '' : indent + line
    })
    .join('\n')
}

function renderParagraph(nodes: NoteNode[]): string {
  return escapeLineStarts(renderInline(nodes).replace(/^[ \t]+/gm, ''))
}

/**
 * Renders text runs, keeping marks that continue from one run to the next open, so
 * `**bold *both***` reads as typed. Whitespace at the edge of a marked run moves outside its
 * delimiters, because CommonMark does not close `**word **`.
 */
function renderInline(nodes: NoteNode[]): string {
  let out = ''
  const open: NoteMark[] = []

  const closeDownTo = (keep: number) => {
    if (open.length <= keep) return
    const trailing = /[ \t]+$/.exec(out)?.[0] ?? ''
    out = out.slice(0, out.length - trailing.length)
    while (open.length > keep) out += closingDelimiter(open.pop()!)
    out += trailing
  }

  for (const node of nodes) {
    if (!isNoteText(node)) {
      if (node.type === 'hardBreak') {
        closeDownTo(0)
        out += '\\\n'
      } else {
        out += renderInline(node.content)
      }
      continue
    }

    const marks = orderedMarks(node.marks).filter((mark) => mark.type !== 'underline')
    const code = marks.some((mark) => mark.type === 'code')
    const outer = marks.filter((mark) => mark.type !== 'code')

    let keep = 0
    while (keep < open.length && keep < outer.length && sameMark(open[keep], outer[keep])) keep++
    closeDownTo(keep)

    let text = node.text
    if (outer.length > keep) {
      const leading = /^[ \t]+/.exec(text)?.[0] ?? ''
      out += leading
      text = text.slice(leading.length)
      if (text === '') continue
      for (const mark of outer.slice(keep)) {
        out += openingDelimiter(mark)
        open.push(mark)
      }
    }
    out += code ? codeSpan(text) : escapeText(text)
  }
  closeDownTo(0)
  return out
}

function sameMark(a: NoteMark, b: NoteMark): boolean {
  return a.type === b.type && a.href === b.href
}

function openingDelimiter(mark: NoteMark): string {
  switch (mark.type) {
    case 'link':
      return '['
    case 'bold':
      return '**'
    case 'italic':
      return '*'
    case 'strike':
      return '~~'
    default:
      return ''
  }
}

function closingDelimiter(mark: NoteMark): string {
  if (mark.type === 'link') return `](${escapeHref(mark.href ?? '')})`
  return openingDelimiter(mark)
}

function escapeHref(href: string): string {
  return href.replace(/[ ()<>\\]/g, (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase())
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[`\s]|[`\s]$/.test(text) && text.trim() !== '' ? ' ' : ''
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`
}

/** Escapes plain text, such as a title or a card, for one line of Markdown. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeText(text))
}

/** Escapes characters that would start Markdown syntax inside a line. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, (char) => `\\${char}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/\n/g, ' ')
}

/** Escapes what would turn a line into a heading, quote, list or rule. */
function escapeLineStarts(text: string): string {
  return text.replace(/^([#>+=-])/gm, '\\$1').replace(/^(\d+)([.)])/gm, '$1\\$2')
}
