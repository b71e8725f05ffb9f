import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

import { CloseCode } from '../shared/wire'
import { ApiClient, setupMeeting } from './support/http'
import { paragraph } from './support/notes'
import { createProcessHarness } from './support/process-harness'
import { makeDataDir } from './support/server'
import { openRawSocket, waitFor } from './support/yjs-client'

const { spawn, connect, cleanup } = createProcessHarness()

afterEach(cleanup)

function typeInto(doc: Y.Doc, phaseId: string, text: string) {
  const fragment = doc.getXmlFragment(`notes:${phaseId}`)
  fragment.insert(fragment.length, [paragraph(text)])
}

describe('room durability', () => {
  it('keeps the text across a restart', async () => {
    const dataDir = makeDataDir()
    let server = await spawn(dataDir)
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const writer = connect(server.url, meetingId, facilitator.cookie)
    await writer.synced
    typeInto(writer.doc, 'review', 'kept across restarts')
    await waitFor(() => server.output().includes('"msg":"room loaded"'))
    writer.destroy()
    await waitFor(() => server.output().includes('"msg":"room unloaded"'))

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)

    server = await spawn(dataDir)
    const reader = connect(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(reader.doc.getXmlFragment('notes:review').toString()).toContain('kept across restarts')
  })

  it('keeps a relayed edit when killed right after relaying it', async () => {
    const dataDir = makeDataDir()
    let server = await spawn(dataDir)
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const member = await new ApiClient(server.url).signup('Member')
    await facilitator.addMember(teamId, member, 'member')

    const writer = connect(server.url, meetingId, facilitator.cookie)
    const witness = connect(server.url, meetingId, member.cookie)
    await Promise.all([writer.synced, witness.synced])

    // The moment the witness receives the edit, the server dies without any chance to flush.
    const killed = server.exited
    witness.doc.on('update', () => {
      if (witness.doc.getXmlFragment('notes:discuss').toString().includes('relayed then killed')) {
        server.child.kill('SIGKILL')
      }
    })
    typeInto(writer.doc, 'discuss', 'relayed then killed')
    await killed
    expect(server.child.signalCode).toBe('SIGKILL')

    writer.destroy()
    witness.destroy()
    server = await spawn(dataDir)
    const reader = connect(server.url, meetingId, facilitator.cookie)
    await reader.synced
    expect(reader.doc.getXmlFragment('notes:discuss').toString()).toContain('relayed then killed')
  })

  it('closes sockets with a restart code on SIGTERM', async () => {
    const server = await spawn(makeDataDir())
    const { facilitator, meetingId } = await setupMeeting(server.url)

    const socket = openRawSocket(server.url, meetingId, { cookie: facilitator.cookie })
    await socket.opened
    await waitFor(() => socket.messages.length > 0)

    server.child.kill('SIGTERM')
    expect((await socket.closed).code).toBe(CloseCode.ServiceRestart)
    expect(await server.exited).toBe(0)
    expect(server.output()).toContain('"msg":"server stopped"')
  })
})
