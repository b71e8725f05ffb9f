import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { encodeUpdateMessage, joined, roundTrip } from './support/access'
import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, openRawSocket, waitFor } from './support/yjs-client'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

/**
 * Content a hand-crafted member can put directly into a phase's notes fragment. The editor
 * (y-tiptap) renders a fragment only from elements: it throws on any other top-level child, on
 * every client and at every load, so the phase's notes stop working for the whole team.
 */
const topLevelContent: Array<{ name: string; write(fragment: Y.XmlFragment): void }> = [
  { name: 'a text node', write: (fragment) => fragment.insert(0, [new Y.XmlText('bare text')]) },
  {
    name: 'a map',
    write: (fragment) => {
      const map = new Y.Map<unknown>()
      fragment.insert(0, [map as unknown as Y.XmlElement])
      map.set('not', 'an element')
    },
  },
  {
    name: 'a plain value',
    write: (fragment) => fragment.insert(0, ['plain string' as unknown as Y.XmlElement]),
  },
]

describe('notes content guard', () => {
  for (const content of topLevelContent) {
    it(`drops ${content.name} at the top of phase notes`, async () => {
      const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
      const member = await new ApiClient(server.url).signup('Member')
      await facilitator.addMember(teamId, member, 'member')
      const witness = connectProvider(server.url, meetingId, facilitator.cookie)
      await witness.synced

      const doc = new Y.Doc()
      content.write(doc.getXmlFragment('notes:review'))
      const attacker = openRawSocket(server.url, meetingId, { cookie: member.cookie })
      await joined(attacker)
      attacker.ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(doc)))
      await roundTrip(attacker.ws, attacker.messages)

      // An honest paragraph after it still arrives, so the witness has seen whatever was relayed.
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('honest')])
      const honest = connectProvider(server.url, meetingId, facilitator.cookie)
      await honest.synced
      honest.doc.getXmlFragment('notes:review').push([paragraph])
      await waitFor(() => witness.doc.getXmlFragment('notes:review').toString().includes('honest'))

      const children = witness.doc.getXmlFragment('notes:review').toArray()
      expect(children.every((child) => child instanceof Y.XmlElement)).toBe(true)

      attacker.ws.close()
      witness.destroy()
      honest.destroy()
      doc.destroy()
    })
  }
})

describe('notes nesting guard', () => {
  // The export, the snapshot view and the restore copy notes recursively, so a few thousand
  // nested elements, one small update, would make each of them fail for the meeting.
  it('keeps the export working after deeply nested notes', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const doc = new Y.Doc()
    let parent = new Y.XmlElement('blockquote')
    doc.getXmlFragment('notes:review').insert(0, [parent])
    for (let depth = 0; depth < 6000; depth++) {
      const child = new Y.XmlElement('blockquote')
      parent.insert(0, [child])
      parent = child
    }
    const attacker = openRawSocket(server.url, meetingId, { cookie: member.cookie })
    await joined(attacker)
    attacker.ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(doc)))
    await roundTrip(attacker.ws, attacker.messages)
    attacker.ws.close()
    doc.destroy()

    const exported = await facilitator.request('GET', `/api/meetings/${meetingId}/export`)
    expect(exported.status).toBe(200)
  })
})
