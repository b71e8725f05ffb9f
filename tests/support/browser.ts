import path from 'node:path'

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

import { ApiClient } from './http'
import { startTestServer, type TestServer } from './server'

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
  /** Stops the server, then starts a new one on the same port with the same data directory. */
  restartServer(): Promise<void>
  close(): Promise<void>
}

/**
 * Starts an in-process server that serves the built client from `dist/client`, and launches
 * Chromium. Playwright gives each launched browser a new, empty profile directory.
 */
export async function startBrowserHarness(): Promise<BrowserHarness> {
  const clientDir = path.resolve('dist/client')
  let server = await startTestServer({ clientDir })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const contexts: BrowserContext[] = []

  async function newContext(errors: string[]): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: server.url })
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
    async restartServer() {
      const { port, dataDir } = server
      await server.stop()
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
