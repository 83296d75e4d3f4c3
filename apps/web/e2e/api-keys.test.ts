import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, devToken } from './support/api.js'
import { launchChromium, openPage } from './support/browser.js'
import { uniqueUser, startSession } from './support/session.js'

/** What the API answers a call made with `key`. */
async function answerTo(key: string) {
  return call<{ error?: { code: string } }>('GET', '/v1/me', { token: key })
}

// The second test revokes the key the first one made.
describe.sequential('API keys', () => {
  let browser: Browser
  let page: Page
  let key = ''
  let row: Locator

  beforeAll(async () => {
    browser = await launchChromium()
    page = await openPage(browser)
    await startSession(page, await devToken(uniqueUser('keys')))
    row = page
      .getByRole('list', { name: 'API keys' })
      .getByRole('listitem')
      .filter({ hasText: 'Billing service' })
  })
  afterAll(() => browser?.close())

  it('shows a new key once, and the key works', async () => {
    await page.goto('/api-keys')
    await page.getByText('No API keys').waitFor()

    await page
      .getByRole('textbox', { name: 'New API key' })
      .fill('Billing service')
    await page.getByRole('button', { name: 'Create key' }).click()
    key = (await page.getByTestId('new-api-key').textContent()) ?? ''
    expect(key).toMatch(/^csk_/)
    expect((await answerTo(key)).status).toBe(200)

    await page.getByRole('button', { name: 'I have copied it' }).click()
    await page.getByTestId('new-api-key').waitFor({ state: 'detached' })
    await row.getByText('Active').waitFor()
    const prefix = (await row.getByText(/^csk_/).textContent()) ?? ''
    expect(key.startsWith(prefix.replace('…', ''))).toBe(true)
  })

  it('revokes the key only once confirmed, and it stops working', async () => {
    const dialog = page.getByRole('dialog', {
      name: 'Revoke “Billing service”?',
    })
    await row.getByRole('button', { name: 'Revoke' }).click()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await row.getByText('Active').count()).toBe(1)
    expect((await answerTo(key)).status).toBe(200)

    await row.getByRole('button', { name: 'Revoke' }).click()
    await dialog.getByRole('button', { name: 'Revoke key' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await row.getByText('Revoked', { exact: true }).waitFor()
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0)
    const refused = await answerTo(key)
    expect(refused.status).toBe(401)
    expect(refused.body.error?.code).toBe('INVALID_API_KEY')
  })
})
