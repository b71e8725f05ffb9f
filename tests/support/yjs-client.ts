import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** Makes a `ws` WebSocket class that sends the given headers with the upgrade request. */
export function webSocketWithHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
}

export interface TestProvider {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the first sync with the server has finished. */
  synced: Promise<void>
  /** Resolves with the close code when the server ends the connection for good. */
  closed: Promise<{ code: number; reason: string }>
  destroy(): void
}

/** Connects a stock y-websocket provider, as any Yjs app would, with a session cookie. */
export function connectProvider(
  baseUrl: string,
  meetingId: string,
  cookie: string,
  doc = new Y.Doc(),
): TestProvider {
  const provider = new WebsocketProvider(
    baseUrl.replace(/^http/, 'ws') + '/rooms',
    meetingId,
    doc,
    {
      WebSocketPolyfill: webSocketWithHeaders(cookie ? { cookie } : {}) as never,
      // Two providers in one process would otherwise sync over BroadcastChannel, not the server.
      disableBc: true,
      maxBackoffTime: 500,
    },
  )
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', () => resolve())
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.once('closed', (event: { code: number; reason: string }) => resolve(event)),
  )

  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy()
      // The awareness of a provider keeps a timer running until its document is destroyed.
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once `check` passes, polling every 10 ms, or rejects after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition') {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export interface RawSocket {
  ws: WebSocket
  messages: Uint8Array[]
  opened: Promise<void>
  closed: Promise<{ code: number; reason: string }>
}

/** Opens a bare websocket to a room, recording every message, for hand-crafted traffic. */
export function openRawSocket(
  baseUrl: string,
  meetingId: string,
  headers: Record<string, string> = {},
): RawSocket {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/rooms/' + meetingId, { headers })
  const messages: Uint8Array[] = []
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  return { ws, messages, opened, closed }
}
