import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeDataDir, startTestServer, type TestServer } from './support/server'

let server: TestServer
const script = `console.log(${JSON.stringify('x'.repeat(4000))})\n`

beforeAll(async () => {
  const clientDir = makeDataDir()
  fs.mkdirSync(path.join(clientDir, 'assets'))
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
  )
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1a2b.js'), script)
  server = await startTestServer({ clientDir })
})
afterAll(async () => {
  await server.stop()
})

describe('static client', () => {
  it('serves hashed assets gzipped and cached for good', async () => {
    const response = await fetch(`${server.url}/assets/app-1a2b.js`, {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe('gzip')
    expect(response.headers.get('cache-control')).toContain('immutable')
    expect(await response.text()).toBe(script)
  })

  it('answers 404 for an asset of another build', async () => {
    const response = await fetch(`${server.url}/assets/app-old.js`)
    expect(response.status).toBe(404)
    expect(response.headers.get('cache-control')).toBeNull()
  })

  it('answers the app page for deep links', async () => {
    for (const page of ['/', '/teams/t1', '/meetings/m1', '/invites/abc']) {
      const response = await fetch(server.url + page)
      expect(response.status, page).toBe(200)
      expect(await response.text(), page).toContain('/assets/app-1a2b.js')
    }
  })
})
