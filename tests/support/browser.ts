import fs from 'node:fs'
import path from 'node:path'

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { ApiClient } from './http'
import { makeDataDir, startTestServer, type TestServer } from './server'

/** Debian's Chromium; CI installs it with `apt-get install -y chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface BrowserUser {
  api: ApiClient
  context: BrowserContext
  page: Page
  /** Uncaught page errors and console errors from every page of this user's context. */
  errors: string[]
}

export interface BrowserHarness {
  /** The running server; `restartServer` replaces it. */
  server: TestServer
  browser: Browser
  /** A new browser context with no cookies, for flows that sign up through the pages. */
  newGuest(): Promise<{ context: BrowserContext; page: Page; errors: string[] }>
  /** Signs up a user through the API and opens a browser context signed in as them. */
  newUser(name: string): Promise<BrowserUser>
  /**
   * Stops the server, then starts a new one on the same port with the same data directory.
   * `whileDown` runs in between, for checks that need the server to stay away.
   */
  restartServer(whileDown?: () => Promise<void>): Promise<void>
  close(): Promise<void>
}

/**
 * Starts an in-process server that serves a copy of the built client in `dist/client`, and
 * launches Chromium. Playwright gives each launched browser a new, empty profile directory.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const clientDir = await copyBuiltClient()
  let server = await startTestServer({ clientDir })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const contexts: BrowserContext[] = []

  async function newContext(errors: string[]): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: server.url })
    // Actions wait for their element without limit by default; a missing one should fail fast.
    context.setDefaultTimeout(10_000)
    contexts.push(context)
    context.on('page', (page) => watchErrors(page, errors))
    return context
  }

  return {
    get server() {
      return server
    },
    browser,
    async newGuest() {
      const errors: string[] = []
      const context = await newContext(errors)
      return { context, page: await context.newPage(), errors }
    },
    async newUser(name) {
      const api = await new ApiClient(server.url).signup(name)
      const errors: string[] = []
      const context = await newContext(errors)
      const [cookieName, ...value] = api.cookie.split('=')
      await context.addCookies([
        {
          name: cookieName,
          value: value.join('='),
          url: server.url,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ])
      return { api, context, page: await context.newPage(), errors }
    },
    async restartServer(whileDown) {
      const { port, dataDir } = server
      await server.stop()
      await whileDown?.()
      server = await startTestServer({ clientDir, dataDir, port })
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {})
      await browser.close().catch(() => {})
      await server.stop()
    },
  }
}

function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`)
  })
}

/**
 * Copies `dist/client` to a temporary directory and returns its path. Another test run may
 * rebuild `dist/client` meanwhile, which empties it and renames every asset, so pages served
 * from it would break. A copy taken during such a build lacks files that its pages refer to,
 * so it is taken again until it is complete.
 */
async function copyBuiltClient(): Promise<string> {
  const source = path.resolve('dist/client')
  const deadline = Date.now() + 30_000
  for (;;) {
    const target = path.join(makeDataDir(), 'client')
    try {
      fs.cpSync(source, target, { recursive: true })
      const missing = missingAssets(target)
      if (missing.length === 0) return target
      if (Date.now() > deadline) throw new Error(`dist/client lacks ${missing.join(', ')}`)
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`could not copy the built client from ${source}; run npx vite build`, {
          cause: error,
        })
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Lists the assets that index.html or a copied script or stylesheet refers to but are absent. */
function missingAssets(clientDir: string): string[] {
  const assetsDir = path.join(clientDir, 'assets')
  const files = [
    path.join(clientDir, 'index.html'),
    ...fs.readdirSync(assetsDir).map((name) => path.join(assetsDir, name)),
  ]
  const missing = new Set<string>()
  for (const file of files) {
    if (!/\.(html|js|css)$/.test(file)) continue
    const text = fs.readFileSync(file, 'utf8')
    // Vite names every emitted file `<name>-<8-character hash>.<ext>`.
    for (const match of text.matchAll(/(?:\.\/|assets\/)([\w.-]+-[\w-]{8}\.(?:js|css))\b/g)) {
      if (!fs.existsSync(path.join(assetsDir, match[1]))) missing.add(match[1])
    }
  }
  return [...missing]
}
