import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ApiClient, setupMeeting } from './support/http'
import { startTestServer, type TestServer } from './support/server'
import { connectProvider, waitFor, type TestProvider } from './support/yjs-client'

const logLines: string[] = []
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({}, { onLog: (line) => logLines.push(line) })
})
afterAll(async () => {
  await server.stop()
})

describe('room presence', () => {
  it('skips echoed states quietly', async () => {
    const { facilitator, teamId, meetingId } = await setupMeeting(server.url)
    const people: Array<{ api: ApiClient; client?: TestProvider }> = [{ api: facilitator }]
    for (const name of ['Member One', 'Member Two']) {
      const api = await new ApiClient(server.url).signup(name)
      await facilitator.addMember(teamId, api, 'member')
      people.push({ api })
    }

    for (const person of people) {
      const client = connectProvider(server.url, meetingId, person.api.cookie)
      await client.synced
      person.client = client
    }
    // Stock clients send back every awareness change they receive; moving carets makes many.
    for (let move = 0; move < 20; move++) {
      for (const person of people) {
        person.client!.provider.awareness.setLocalStateField('user', {
          name: person.api.user!.name,
          userId: person.api.user!.id,
          cursor: move,
        })
      }
    }

    for (const person of people) {
      const awareness = person.client!.provider.awareness
      await waitFor(() => awareness.getStates().size === people.length, 5000, 'everyone present')
      const cursors = [...awareness.getStates().values()].map((state) => state.user?.cursor)
      await waitFor(
        () => [...awareness.getStates().values()].every((state) => state.user?.cursor === 19),
        5000,
        `latest cursors, saw ${cursors.join(',')}`,
      )
    }

    const warnings = logLines.filter((line) => line.includes('awareness'))
    expect(warnings).toEqual([])
    for (const person of people) person.client!.destroy()
  })
})
