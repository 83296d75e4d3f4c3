import { fileURLToPath } from 'node:url'

import { defineConfig } from 'vitest/config'

/**
 * The e2e run: the built web UI, served by a real API with a real signer,
 * PostgreSQL, Redis and Anvil, driven in Chromium. `npm run test:e2e`
 * builds the UI first.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    // apps/web, whose node_modules keeps Vitest's cache.
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // What a person would wait for: a signer's work, a block, a refetch.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
})
