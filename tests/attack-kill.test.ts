import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { ApiClient, setupMeeting } from './support/http'
import { createProcessHarness } from './support/process-harness'
import { makeDataDir } from './support/server'
import { waitFor, type TestProvider } from './support/yjs-client'

const { spawn, connect, cleanup } = createProcessHarness()

afterEach(cleanup)

describe('server killed while clients type', () => {
  it('keeps every edit the witness received', async () => {
    const dataDir = makeDataDir()
    let server = await spawn(dataDir)
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const writers: TestProvider[] = []
    for (const name of ['Ana', 'Ben', 'Cleo']) {
      const member = await new ApiClient(server.url).signup(name)
      await facilitator.addMember(teamId, member, 'member')
      writers.push(connect(server.url, meetingId, member.cookie))
    }
    const witness = connect(server.url, meetingId, facilitator.cookie)
    await Promise.all([...writers, witness].map((client) => client.synced))

    // Each writer types into its own paragraph every few milliseconds until the server dies.
    const texts = writers.map((writer, index) => {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText('')
      paragraph.insert(0, [text])
      writer.doc.getXmlFragment('notes:discuss').push([paragraph])
      return { writer, text, index }
    })
    let typed = 0
    const typing = setInterval(() => {
      for (const { text, index } of texts) text.insert(text.length, String.fromCharCode(97 + index))
      typed += 1
    }, 2)

    await waitFor(() => typed > 150, 10_000, 'writers to type')
    const killed = server.exited
    server.child.kill('SIGKILL')
    await killed
    clearInterval(typing)

    // What the witness has now is everything the server relayed before it died. The restarted
    // server listens on another port, so no client can send its edits again.
    for (const client of [...writers, witness]) client.provider.disconnect()
    const seen = Y.encodeStateVector(witness.doc)
    const seenText = witness.doc.getXmlFragment('notes:discuss').toString()
    expect(seenText.length).toBeGreaterThan(100)

    server = await spawn(dataDir)
    const reader = connect(server.url, meetingId, facilitator.cookie)
    await reader.synced

    const restored = Y.decodeStateVector(Y.encodeStateVector(reader.doc))
    for (const [client, clock] of Y.decodeStateVector(seen)) {
      if (client === witness.doc.clientID) continue
      expect(restored.get(client) ?? 0, `client ${client}`).toBeGreaterThanOrEqual(clock)
    }
  }, 60_000)
})
