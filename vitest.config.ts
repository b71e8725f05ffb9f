import { defineConfig } from 'vitest/config'

// Tests run in Node without the Solid plugin: that plugin adds the `browser` resolve condition,
// which makes `ws` resolve to its browser stub. Browser tests drive Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'server/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/support/global-setup.ts'],
  },
})
