import { spawnServer, type ServerProcess } from './server'
import { connectProvider, type TestProvider } from './yjs-client'

/**
 * Tracks server processes and providers that a test starts, so `cleanup` (run it in
 * `afterEach`) destroys the providers and kills whatever server is still running.
 */
export function createProcessHarness() {
  const running: ServerProcess[] = []
  const providers: TestProvider[] = []

  return {
    /** Starts a server process on `dataDir`, logging at info level for tests that read it. */
    async spawn(dataDir: string): Promise<ServerProcess> {
      const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' })
      running.push(server)
      return server
    },

    connect(url: string, meetingId: string, cookie: string): TestProvider {
      const provider = connectProvider(url, meetingId, cookie)
      providers.push(provider)
      return provider
    },

    async cleanup(): Promise<void> {
      for (const provider of providers.splice(0)) provider.destroy()
      for (const server of running.splice(0)) {
        if (server.child.exitCode === null) server.child.kill('SIGKILL')
        await server.exited
      }
    },
  }
}
