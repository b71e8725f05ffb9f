import { escapeHtml } from './html-escape'
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
 * Renders Tiptap notes as HTML, escaping every text and attribute, so stored notes cannot
 * inject markup. Note headings move down by `headingOffset` levels (at most to level 6).
 */
export function notesToHtml(nodes: NoteNode[], headingOffset = 0): string {
  return renderNodes(nodes, headingOffset, false)
}

function renderNodes(nodes: NoteNode[], headingOffset: number, inline: boolean): string {
  const parts: string[] = []
  for (const block of splitBlocks(nodes)) {
    if ('element' in block) {
      const html = renderElement(block.element, headingOffset)
      if (html !== '') parts.push(html)
    } else if (!isEmptyNotes(block.inline)) {
      const text = renderInline(block.inline)
      parts.push(inline ? text : `<p>${text}</p>`)
    }
  }
  return parts.join('\n')
}

function renderElement(node: NoteElement, headingOffset: number): string {
  switch (node.type) {
    case 'paragraph':
      return isEmptyNotes(node.content) ? '' : `<p>${renderInline(node.content)}</p>`

    case 'heading': {
      if (isEmptyNotes(node.content)) return ''
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1) + headingOffset)
      return `<h${level}>${renderInline(node.content)}</h${level}>`
    }

    case 'bulletList':
      return `<ul>\n${renderItems(node, headingOffset)}\n</ul>`

    case 'taskList':
      return `<ul class="tasks">\n${renderItems(node, headingOffset)}\n</ul>`

    case 'orderedList': {
      const start = Number.isInteger(node.attrs.start) ? Number(node.attrs.start) : 1
      const startAttr = start === 1 ? '' : ` start="${start}"`
      return `<ol${startAttr}>\n${renderItems(node, headingOffset)}\n</ol>`
    }

    case 'blockquote':
      return `<blockquote>\n${renderNodes(node.content, headingOffset, false)}\n</blockquote>`

    case 'codeBlock': {
      const language = String(node.attrs.language ?? '').replace(/[^\w#+.-]/g, '')
      const classAttr = language ? ` class="language-${escapeHtml(language)}"` : ''
      const code = escapeHtml(plainText(node.content).replace(/\n$/, ''))
      return `<pre><code${classAttr}>${code}</code></pre>`
    }

    case 'horizontalRule':
      return '<hr>'

    default:
      return renderNodes(node.content, headingOffset, false)
  }
}

function renderItems(list: NoteElement, headingOffset: number): string {
  return list.content
    .filter((item): item is NoteElement => !isNoteText(item))
    .map((item) => {
      const body = renderListItemBody(item, headingOffset)
      if (item.type !== 'taskItem') return `<li>${body}</li>`
      const checked = item.attrs.checked === true
      const box = checked ? '☑' : '☐'
      return `<li class="task" data-checked="${checked}">${box} ${body}</li>`
    })
    .join('\n')
}

/** Renders a list item's body, without `<p>` when its only block is one paragraph. */
function renderListItemBody(item: NoteElement, headingOffset: number): string {
  const [first, ...rest] = item.content
  if (first && !isNoteText(first) && first.type === 'paragraph' && rest.length === 0) {
    return renderInline(first.content)
  }
  return renderNodes(item.content, headingOffset, false)
}

function renderInline(nodes: NoteNode[]): string {
  return nodes
    .map((node) => {
      if (!isNoteText(node)) {
        return node.type === 'hardBreak' ? '<br>' : renderNodes(node.content, 0, true)
      }
      let html = escapeHtml(node.text)
      for (const mark of [...orderedMarks(node.marks)].reverse()) html = wrapMark(mark, html)
      return html
    })
    .join('')
}

function wrapMark(mark: NoteMark, html: string): string {
  switch (mark.type) {
    case 'link':
      return `<a href="${escapeHtml(mark.href ?? '')}" rel="noopener noreferrer">${html}</a>`
    case 'bold':
      return `<strong>${html}</strong>`
    case 'italic':
      return `<em>${html}</em>`
    case 'underline':
      return `<u>${html}</u>`
    case 'strike':
      return `<s>${html}</s>`
    case 'code':
      return `<code>${html}</code>`
    default:
      return html
  }
}
