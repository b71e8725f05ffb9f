import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/** Builds the client once before the browser tests, which serve it from `dist/client`. */
export default function setup() {
  if (process.env.SKIP_CLIENT_BUILD === '1') return
  if (!fs.existsSync('client/index.html')) return
  execFileSync(path.resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
}
