import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadConfig, type Config } from '../../server/config'
import { createLogger } from '../../server/logger'
import { startServer, type RunningServer } from '../../server/server'

export interface TestServer extends RunningServer {
  dataDir: string
}

/** Makes an empty data directory that is removed when the test process exits. */
export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plc-room-test-'))
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Starts the server in this process on a free port with its own SQLite database. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: { onLog?: (line: string) => void } = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? makeDataDir()
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: undefined,
    logLevel: 'silent',
    ...overrides,
  }
  const logger = options.onLog
    ? createLogger('debug', { write: options.onLog })
    : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent')
  const server = await startServer(config, logger)
  return { ...server, dataDir }
}

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>
  output(): string
}

/**
 * Starts `server/main.ts` as a child process, so a test can kill it with any signal.
 * Resolves once the server logs that it listens.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  // Node runs the server itself with tsx as a loader, so the child's pid is the server's and a
  // signal reaches it directly. The tsx command would put a process of its own in between.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    const onData = () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"server started"/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve(match[1])
    }
    child.stdout!.on('data', onData)
    void exited.then(() => reject(new Error(`server exited before starting:\n${output}`)))
  })

  return { url, port: Number(new URL(url).port), child, exited, output: () => output }
}
