/**
 * Measures how fast an edit reaches the other clients of a room, and what many rooms cost.
 *
 * Starts the server in this process on SQLite in a temporary directory, opens ROOMS meetings
 * with CLIENTS stock y-websocket clients each, and has one writer per room make EDITS edits.
 * Clients run in the same process as the server, so they share its two cores and the
 * latencies printed are an upper bound for a server on its own machine.
 *
 *   node --import tsx scripts/bench-relay.ts            # defaults: 50 rooms x 4 clients, 40 edits
 *   ROOMS=200 CLIENTS=5 EDITS=20 node --import tsx scripts/bench-relay.ts
 */
import { performance } from 'node:perf_hooks'

import { ApiClient } from '../tests/support/http'
import { startTestServer } from '../tests/support/server'
import { connectProvider, waitFor, type TestProvider } from '../tests/support/yjs-client'

const rooms = Number(process.env.ROOMS ?? 50)
const clientsPerRoom = Number(process.env.CLIENTS ?? 4)
const editsPerRoom = Number(process.env.EDITS ?? 40)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const server = await startTestServer()
const facilitator = await new ApiClient(server.url).signup('Bench')
const teamId = await facilitator.createTeam('Bench team')
const rssBefore = process.memoryUsage().rss

const latencies: number[] = []
const allClients: TestProvider[] = []
const roomClients: TestProvider[][] = []

const connectStart = performance.now()
for (let r = 0; r < rooms; r++) {
  const meetingId = await facilitator.createMeeting(teamId, `Bench ${r}`)
  const clients = Array.from({ length: clientsPerRoom }, () =>
    connectProvider(server.url, meetingId, facilitator.cookie),
  )
  roomClients.push(clients)
  allClients.push(...clients)
}
await Promise.all(allClients.map((client) => client.synced))
const connectMs = performance.now() - connectStart

for (const clients of roomClients) {
  for (const reader of clients.slice(1)) {
    reader.doc.getMap('bench').observe((event) => {
      for (const key of event.keysChanged) {
        const sentAt = reader.doc.getMap('bench').get(key) as number
        latencies.push(performance.now() - sentAt)
      }
    })
  }
}

const editStart = performance.now()
for (let e = 0; e < editsPerRoom; e++) {
  for (const clients of roomClients) {
    clients[0].doc.getMap('bench').set(`edit-${e}`, performance.now())
  }
  await new Promise((resolve) => setTimeout(resolve, 5))
}
const expected = rooms * editsPerRoom * (clientsPerRoom - 1)
await waitFor(() => latencies.length >= expected, 60_000, 'every edit to arrive')
const editMs = performance.now() - editStart

latencies.sort((a, b) => a - b)
const rssAfter = process.memoryUsage().rss
console.log(`rooms ${rooms}, clients per room ${clientsPerRoom}, edits per room ${editsPerRoom}`)
console.log(`connected and synced ${allClients.length} clients in ${connectMs.toFixed(0)} ms`)
console.log(`delivered ${latencies.length} edits in ${editMs.toFixed(0)} ms`)
console.log(
  `edit latency ms: p50 ${percentile(latencies, 50).toFixed(2)}, ` +
    `p95 ${percentile(latencies, 95).toFixed(2)}, p99 ${percentile(latencies, 99).toFixed(2)}, ` +
    `max ${latencies[latencies.length - 1].toFixed(2)}`,
)
console.log(
  `process RSS grew ${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB ` +
    `(server and clients together)`,
)

for (const client of allClients) client.destroy()
await server.stop()
process.exit(0)
