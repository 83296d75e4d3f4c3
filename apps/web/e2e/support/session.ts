import { randomBytes } from 'node:crypto'

import type { Page } from 'playwright-core'

/** A user name no other test of the run uses. */
export function uniqueUser(base: string): string {
  return `${base}-${randomBytes(4).toString('hex')}`
}

/**
 * Signs in through the development issuer's form, as a person would, and
 * waits for the page sign-in leads to: `landing` is its heading.
 */
export async function signInWithForm(
  page: Page,
  user: string,
  landing = 'Wallets',
): Promise<void> {
  if (!page.url().includes('/sign-in')) {
    await page.goto('/sign-in')
  }
  await page.getByLabel('User name').fill(user)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: landing }).waitFor()
}

// The UI's own storage key for its session: see src/lib/session.ts.
const SESSION_KEY = 'custos.session'

/**
 * Starts the page's session with a token made through the API, for tests
 * about other screens than sign-in. It applies from the next navigation.
 */
export async function startSession(page: Page, token: string): Promise<void> {
  await page
    .context()
    .addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      SESSION_KEY,
      JSON.stringify({ token, method: 'dev' }),
    ] as const)
}
