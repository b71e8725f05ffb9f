import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { checkNotesOnlyUpdate, isNotesRoot } from './update-guard'

const docs: Y.Doc[] = []

afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy()
})

function makeDoc(): Y.Doc {
  const doc = new Y.Doc()
  docs.push(doc)
  return doc
}

/** A server document and a client that has synced with it. */
function makePair() {
  const server = makeDoc()
  const client = makeDoc()
  return { server, client }
}

function syncTo(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** Runs `change` on `doc` and returns the update it emits. */
function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const listener = (update: Uint8Array) => updates.push(update)
  doc.on('update', listener)
  change()
  doc.off('update', listener)
  expect(updates.length).toBeGreaterThan(0)
  return Y.mergeUpdates(updates)
}

/** Writes a card the way the server does and syncs it to the client. */
function serverAddsCard(server: Y.Doc, client: Y.Doc, id: string): void {
  const card = new Y.Map<unknown>()
  card.set('id', id)
  card.set('text', 'first')
  card.set('votes', new Y.Map())
  server.getArray('cards').push([card])
  syncTo(server, client)
}

function addParagraph(fragment: Y.XmlFragment, text: string, index = fragment.length): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  fragment.insert(index, [paragraph])
}

describe('update guard', () => {
  it('accepts a new paragraph in notes', () => {
    const { server, client } = makePair()
    const update = captureUpdate(client, () =>
      addParagraph(client.getXmlFragment('notes:review'), 'hello'),
    )
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()
  })

  it('accepts typing after existing notes text', () => {
    const { server, client } = makePair()
    addParagraph(client.getXmlFragment('notes:review'), 'hello')
    syncTo(client, server)

    const paragraph = client.getXmlFragment('notes:review').get(0) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    const update = captureUpdate(client, () => {
      text.insert(5, ' world', { bold: true })
      paragraph.setAttribute('textAlign', 'center')
    })

    const item = Y.decodeUpdate(update).structs.find((s) => s instanceof Y.Item) as Y.Item
    // The typed text carries only its left origin, so the guard must resolve the parent from it.
    expect(item.parent).toBeNull()
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()
  })

  it('accepts deleting notes text and paragraphs', () => {
    const { server, client } = makePair()
    const fragment = client.getXmlFragment('notes:discuss')
    addParagraph(fragment, 'one')
    addParagraph(fragment, 'two')
    syncTo(client, server)

    const update = captureUpdate(client, () => {
      ;((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2)
      fragment.delete(0, 1)
    })
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()
  })

  it('rejects pushing a card', () => {
    const { server, client } = makePair()
    const update = captureUpdate(client, () => {
      const card = new Y.Map<unknown>()
      card.set('id', 'forged')
      client.getArray('cards').push([card])
    })
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/"cards"/)
  })

  it('rejects appending after an existing card', () => {
    const { server, client } = makePair()
    serverAddsCard(server, client, 'c1')
    const update = captureUpdate(client, () => client.getArray('cards').push(['plain value']))

    const item = Y.decodeUpdate(update).structs.find((s) => s instanceof Y.Item) as Y.Item
    expect(item.parent).toBeNull()
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/"cards"/)
  })

  it('rejects a forged vote', () => {
    const { server, client } = makePair()
    serverAddsCard(server, client, 'c1')
    const card = client.getArray<Y.Map<unknown>>('cards').get(0)
    const update = captureUpdate(client, () => (card.get('votes') as Y.Map<number>).set('u1', 1))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/"cards"/)
  })

  it('rejects editing a card field', () => {
    const { server, client } = makePair()
    serverAddsCard(server, client, 'c1')
    const card = client.getArray<Y.Map<unknown>>('cards').get(0)
    const update = captureUpdate(client, () => card.set('text', 'changed'))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/"cards"/)
  })

  it('rejects deleting a card', () => {
    const { server, client } = makePair()
    serverAddsCard(server, client, 'c1')
    const update = captureUpdate(client, () => client.getArray('cards').delete(0, 1))

    const decoded = Y.decodeUpdate(update)
    expect(decoded.structs).toHaveLength(0)
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/^delete .*"cards"/)
  })

  it('rejects other root types', () => {
    const { server, client } = makePair()
    const update = captureUpdate(client, () => client.getMap('timer').set('phaseIndex', 3))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/"timer"/)
  })

  it('rejects notes and cards in one update', () => {
    const { server, client } = makePair()
    const update = captureUpdate(client, () =>
      client.transact(() => {
        addParagraph(client.getXmlFragment('notes:review'), 'fine')
        client.getArray('cards').push(['not fine'])
      }),
    )
    expect(checkNotesOnlyUpdate(server, update)).not.toBeNull()
  })

  it('rejects a key set on a notes root', () => {
    const { server, client } = makePair()
    const update = captureUpdate(client, () => client.getMap('notes:review').set('x', 1))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/sets key "x"/)
  })

  it('rejects a parent the server lacks', () => {
    const { server, client } = makePair()
    const other = makeDoc()
    addParagraph(other.getXmlFragment('notes:review'), 'unseen')
    syncTo(other, client)

    const paragraph = client.getXmlFragment('notes:review').get(0) as Y.XmlElement
    const update = captureUpdate(client, () => paragraph.insert(0, [new Y.XmlText('child')]))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/does not have/)
  })

  it('rejects deleting what the server lacks', () => {
    const { server, client } = makePair()
    const other = makeDoc()
    addParagraph(other.getXmlFragment('notes:review'), 'unseen')
    syncTo(other, client)

    const update = captureUpdate(client, () => client.getXmlFragment('notes:review').delete(0, 1))
    expect(checkNotesOnlyUpdate(server, update)).toMatch(/does not have/)
  })

  it('accepts a reconnect carrying deleted cards', () => {
    const { server, client } = makePair()
    serverAddsCard(server, client, 'c1')
    serverAddsCard(server, client, 'c2')
    const votes = server.getArray<Y.Map<unknown>>('cards').get(1).get('votes') as Y.Map<number>
    votes.set('u1', 1)
    votes.delete('u1')
    server.getArray('cards').delete(0, 1)
    syncTo(server, client)

    // Offline notes edits plus the whole delete set, as y-websocket sends on reconnect.
    addParagraph(client.getXmlFragment('notes:review'), 'typed offline')
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0)
    expect(checkNotesOnlyUpdate(server, step2)).toBeNull()
  })

  it('accepts a delete of collected notes', () => {
    const { server, client } = makePair()
    const stale = makeDoc()
    addParagraph(server.getXmlFragment('notes:review'), 'old')
    syncTo(server, client)
    syncTo(server, stale)

    // The server collects the paragraph's text once the paragraph is deleted.
    client.getXmlFragment('notes:review').delete(0, 1)
    syncTo(client, server)

    const update = captureUpdate(stale, () => stale.getXmlFragment('notes:review').delete(0, 1))
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()
  })

  it('accepts inserting into a collected paragraph', () => {
    const { server, client } = makePair()
    addParagraph(server.getXmlFragment('notes:review'), 'old')
    syncTo(server, client)
    server.getXmlFragment('notes:review').delete(0, 1)

    const paragraph = client.getXmlFragment('notes:review').get(0) as Y.XmlElement
    const text = paragraph.get(0) as Y.XmlText
    const update = captureUpdate(client, () => text.insert(3, '!'))
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()

    Y.applyUpdate(server, update)
    expect(server.getXmlFragment('notes:review').length).toBe(0)
  })

  it('applies accepted updates unchanged', () => {
    const { server, client } = makePair()
    const fragment = client.getXmlFragment('notes:recap')
    const update = captureUpdate(client, () => addParagraph(fragment, 'agreed'))
    expect(checkNotesOnlyUpdate(server, update)).toBeNull()
    Y.applyUpdate(server, update)
    expect(server.getXmlFragment('notes:recap').toString()).toBe(fragment.toString())
  })

  it('names notes roots', () => {
    expect(isNotesRoot('notes:review')).toBe(true)
    expect(isNotesRoot('notes:')).toBe(false)
    expect(isNotesRoot('cards')).toBe(false)
    expect(isNotesRoot('note:review')).toBe(false)
  })
})
