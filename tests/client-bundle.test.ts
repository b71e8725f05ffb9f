import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from 'vitest'

// Strings that only the editor stack's code contains, in minified output too.
const editorMarkers = [
  { library: 'Yjs', marker: '__ $YJS$ __' },
  { library: 'ProseMirror', marker: 'ProseMirror' },
  { library: 'Tiptap', marker: 'tiptap' },
  { library: 'y-websocket', marker: 'Unable to compute message' },
]

const assetsDir = path.resolve('dist/client/assets')

function readEntryChunk(): string {
  const html = fs.readFileSync(path.resolve('dist/client/index.html'), 'utf8')
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1]
  if (!entry) throw new Error('dist/client/index.html names no entry script; run npx vite build')
  return fs.readFileSync(path.join(assetsDir, entry), 'utf8')
}

function readMeetingChunk(): string {
  const name = fs.readdirSync(assetsDir).find((file) => /^MeetingPage-.*\.js$/.test(file))
  if (!name) throw new Error('dist/client/assets has no MeetingPage chunk; run npx vite build')
  return fs.readFileSync(path.join(assetsDir, name), 'utf8')
}

describe('client bundle', () => {
  test('entry chunk has no editor code', () => {
    const entry = readEntryChunk()
    for (const { library, marker } of editorMarkers) {
      expect(entry.includes(marker), `${library} in the entry chunk`).toBe(false)
    }
  })

  test('meeting chunk carries the editor', () => {
    const meeting = readMeetingChunk()
    for (const { library, marker } of editorMarkers) {
      expect(meeting.includes(marker), `${library} in the meeting chunk`).toBe(true)
    }
  })

  test('entry loads the meeting chunk on demand', () => {
    expect(readEntryChunk()).toMatch(/import\(["'`][^"'`]*MeetingPage-[\w-]+\.js/)
  })
})
