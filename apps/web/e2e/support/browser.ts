import { existsSync } from 'node:fs'

import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core'
import { inject } from 'vitest'

/** Debian's Chromium; the tests never download a browser of their own. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

// Headless, and quiet on the network: without these, Chromium on a machine
// with no internet stalls on connections it tries to make for itself.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Fails the run, saying how to fix it, when Chromium is not installed. */
export function assertChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return
  throw new Error(
    `The e2e tests need Chromium at ${CHROMIUM_PATH}. Install it with ` +
      '`apt-get install -y --no-install-recommends chromium`.',
  )
}

/**
 * Starts Chromium headless. Playwright gives each launch a fresh
 * user-data-dir in the temporary folder and deletes it on close.
 */
export function launchChromium(): Promise<Browser> {
  assertChromium()
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  })
}

export const DESKTOP = { width: 1280, height: 800 }
export const PHONE = { width: 390, height: 844 }

/**
 * A page in a context of its own (its own storage, so its own session)
 * on the run's Custos.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: DESKTOP,
    ...options,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return page
}
