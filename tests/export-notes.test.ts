import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { notesToHtml } from '../server/export/notes-html'
import { notesToMarkdown } from '../server/export/notes-markdown'
import { readNotes, type NoteNode } from '../server/export/notes-tree'

type Delta = Array<{ insert: string; attributes?: Record<string, object> }>

/** Builds a fragment in a real document, as y-prosemirror would, and reads it back. */
function notesFrom(build: (fragment: Y.XmlFragment) => void): NoteNode[] {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('notes:test')
  build(fragment)
  const notes = readNotes(fragment)
  doc.destroy()
  return notes
}

function paragraphWith(delta: Delta): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  text.applyDelta(delta)
  paragraph.insert(0, [text])
  return paragraph
}

describe('notes export', () => {
  it('keeps marks open across runs', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [
        paragraphWith([
          { insert: 'bold ', attributes: { bold: {} } },
          { insert: 'both', attributes: { bold: {}, italic: {} } },
          { insert: ' plain' },
        ]),
      ]),
    )
    expect(notesToMarkdown(notes)).toBe('**bold *both*** plain')
    expect(notesToHtml(notes)).toBe(
      '<p><strong>bold </strong><strong><em>both</em></strong> plain</p>',
    )
  })

  it('moves edge whitespace outside delimiters', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [
        paragraphWith([
          { insert: 'a' },
          { insert: ' word ', attributes: { italic: {} } },
          { insert: 'b' },
        ]),
      ]),
    )
    expect(notesToMarkdown(notes)).toBe('a *word* b')
  })

  it('reads marks that may overlap by their hashed names', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [
        paragraphWith([
          { insert: 'linked', attributes: { 'link--Ab3+/=': { href: 'https://a.test' } } },
        ]),
      ]),
    )
    expect(notesToMarkdown(notes)).toBe('[linked](https://a.test)')
  })

  it('drops unsafe link targets', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:text/html,x', '//evil.test']) {
      const notes = notesFrom((fragment) =>
        fragment.insert(0, [paragraphWith([{ insert: 'here', attributes: { link: { href } } }])]),
      )
      expect(notesToMarkdown(notes), href).toBe('here')
      expect(notesToHtml(notes), href).toBe('<p>here</p>')
    }
  })

  it('escapes markup in text and attributes', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [
        paragraphWith([
          { insert: '<img src=x onerror=alert(1)>' },
          { insert: 'q', attributes: { link: { href: 'https://a.test/"><script>' } } },
        ]),
      ]),
    )
    const html = notesToHtml(notes)
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('href="https://a.test/&quot;&gt;&lt;script&gt;"')
  })

  it('caps shifted heading levels at six', () => {
    const notes = notesFrom((fragment) => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 4 as unknown as string)
      heading.insert(0, [new Y.XmlText('Deep')])
      fragment.insert(0, [heading])
    })
    expect(notesToMarkdown(notes, 3)).toBe('###### Deep')
    expect(notesToHtml(notes, 3)).toBe('<h6>Deep</h6>')
  })

  it('escapes text that would start a block', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [
        paragraphWith([{ insert: '- not a list' }]),
        paragraphWith([{ insert: '2. not a list either' }]),
        paragraphWith([{ insert: '> not a quote' }]),
      ]),
    )
    expect(notesToMarkdown(notes)).toBe(
      '\\- not a list\n\n2\\. not a list either\n\n\\> not a quote',
    )
  })

  it('skips empty paragraphs', () => {
    const notes = notesFrom((fragment) =>
      fragment.insert(0, [new Y.XmlElement('paragraph'), paragraphWith([{ insert: 'kept' }])]),
    )
    expect(notesToMarkdown(notes)).toBe('kept')
    expect(notesToHtml(notes)).toBe('<p>kept</p>')
  })
})
