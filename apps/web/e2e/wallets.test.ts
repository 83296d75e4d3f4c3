import type { Browser, Page } from 'playwright-core'
import { formatEther, parseEther, verifyMessage, type Address } from 'viem'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { launchChromium, openPage } from './support/browser.js'
import {
  balanceIn,
  definitionOf,
  descriptionOf,
  rowOf,
} from './support/page-reading.js'
import { signInWithForm, uniqueUser } from './support/session.js'

const ADDRESS = /^0x[0-9a-fA-F]{40}$/

// One person's way through the UI: each test goes on from where the one
// before left the page, so after a failure the rest are skipped.
describe.sequential(
  'a person signs in, makes a wallet, sends and signs',
  () => {
    let browser: Browser
    let page: Page
    let walletPath: string
    let first: Address
    let second: Address
    let failed = false

    beforeAll(async () => {
      browser = await launchChromium()
      page = await openPage(browser)
    })
    afterAll(() => browser?.close())
    beforeEach(({ skip, onTestFailed }) => {
      if (failed) skip()
      onTestFailed(() => {
        failed = true
      })
    })

    const accountRow = (name: string) => rowOf(page, 'Accounts', name)
    const addressIn = async (name: string) =>
      (await accountRow(name)
        .getByTitle(ADDRESS)
        .getAttribute('title')) as Address

    it('sends a visitor to sign-in, and back after signing in', async () => {
      await page.goto('/api-keys')
      await page.waitForURL('**/sign-in?next=%2Fapi-keys')
      await page.getByRole('button', { name: 'Sign in' }).click()
      const userName = page.getByLabel('User name')
      expect(await userName.getAttribute('aria-invalid')).toBe('true')
      expect(await descriptionOf(userName)).toBe('Enter a user name.')

      await signInWithForm(page, uniqueUser('journey'), 'API keys')
      await page.getByRole('link', { name: 'Wallets' }).click()
      await page.getByText('No wallets yet').waitFor()
    })

    it('creates a wallet that turns ready without a reload', async () => {
      // Gone after any reload or full navigation.
      await page.evaluate(() => Object.assign(window, { e2eMarker: true }))

      await page.getByRole('textbox', { name: 'New wallet' }).fill('Savings')
      await page.getByRole('button', { name: 'Create wallet' }).click()

      const row = page
        .getByRole('list', { name: 'Wallets' })
        .getByRole('listitem')
        .filter({ hasText: 'Savings' })
      await row.getByText('Ready').waitFor()
      expect(await page.evaluate(() => 'e2eMarker' in window)).toBe(true)
      expect(await page.getByText('No wallets yet').count()).toBe(0)
    })

    it('opens the wallet at account 0 and derives account 1', async () => {
      await page.getByRole('link', { name: /^Savings/ }).click()
      await page.getByRole('heading', { level: 1, name: /Savings/ }).waitFor()
      walletPath = new URL(page.url()).pathname
      first = await addressIn('Account 0')

      await page.getByRole('textbox', { name: 'New account' }).fill('Spending')
      await page.getByRole('button', { name: 'Derive account' }).click()

      await accountRow('Spending').getByTitle(ADDRESS).waitFor()
      expect(await accountRow('Spending').textContent()).toContain(
        "m/44'/60'/0'/0/1",
      )
      second = await addressIn('Spending')
      expect(first).toMatch(ADDRESS)
      expect(second).toMatch(ADDRESS)
      expect(second).not.toBe(first)
    })

    it('funds account 0 from the faucet', async () => {
      await accountRow('Account 0')
        .getByRole('link', { name: 'Account 0', exact: true })
        .click()
      await page.getByRole('heading', { level: 1, name: 'Account 0' }).waitFor()
      await page.getByText(first, { exact: true }).waitFor()
      await expect.poll(() => balanceIn(page.getByRole('main'))).toBe('0 ETH')

      await page.getByRole('button', { name: 'Get test ETH' }).click()

      await page
        .getByText('Received 10 ETH from the development faucet.')
        .waitFor()
      await expect.poll(() => balanceIn(page.getByRole('main'))).toBe('10 ETH')
    })

    it('sends to account 1, confirmed, with both balances updated', async () => {
      await page
        .getByRole('textbox', { name: 'Recipient' })
        .fill(second.toLowerCase())
      await page.getByRole('textbox', { name: 'Amount (ETH)' }).fill('1.5')
      await page.getByRole('button', { name: 'Review' }).click()
      // The typed address comes back checksummed.
      expect(await page.getByTestId('review-recipient').textContent()).toBe(
        second,
      )
      await page.getByRole('button', { name: 'Send 1.5 ETH' }).click()

      await expect
        .poll(() => page.getByTestId('transaction-status').textContent())
        .toBe('Confirmed')
      const fee = await definitionOf(page, 'Fee paid').textContent()
      const feeWei = parseEther((fee ?? '').replace(/[^0-9.]/g, ''))
      expect(feeWei).toBeGreaterThan(0n)
      const left = `${formatEther(parseEther('8.5') - feeWei)} ETH`
      await expect
        .poll(() => balanceIn(page.getByRole('main'), true))
        .toBe(left)
      const sent = page.getByRole('list', { name: 'Transactions' })
      await expect.poll(() => sent.textContent()).toMatch(/Confirmed.*1\.5 ETH/)

      await page.getByRole('link', { name: 'Wallet', exact: true }).click()
      await page.waitForURL(`**${walletPath}*`)
      await expect.poll(() => balanceIn(accountRow('Spending'))).toBe('1.5 ETH')
      await expect
        .poll(() => balanceIn(accountRow('Account 0'), true))
        .toBe(left)
    })

    it("signs a message that recovers to the account's address", async () => {
      await accountRow('Account 0')
        .getByRole('link', { name: 'Account 0', exact: true })
        .click()
      await page.getByRole('tab', { name: 'Sign message' }).click()
      const message = `Custos e2e ${Date.now()}`
      await page.getByRole('textbox', { name: 'Message' }).fill(message)
      await page.getByRole('button', { name: 'Sign message' }).click()

      const signature = (await page
        .getByTestId('signature')
        .textContent()) as `0x${string}`
      expect(signature).toMatch(/^0x[0-9a-f]{130}$/)
      expect(await verifyMessage({ address: first, message, signature })).toBe(
        true,
      )
      expect(await verifyMessage({ address: second, message, signature })).toBe(
        false,
      )
    })

    it('says why a recipient address is wrong, and does not go on', async () => {
      await page.getByRole('tab', { name: 'Send' }).click()
      const recipient = page.getByRole('textbox', { name: 'Recipient' })
      // The checksum's capitals are broken by lower-casing one letter.
      const broken = second.replace(/[A-F]/, (letter) => letter.toLowerCase())
      expect(broken).not.toBe(second)
      await recipient.fill(broken)
      await page.getByRole('textbox', { name: 'Amount (ETH)' }).fill('0.1')
      await page.getByRole('button', { name: 'Review' }).click()

      expect(await recipient.getAttribute('aria-invalid')).toBe('true')
      expect(await descriptionOf(recipient)).toMatch(
        /capital letters do not match its checksum/,
      )
      expect(await page.getByText('Review the transfer').count()).toBe(0)

      await recipient.fill(second.slice(0, -1))
      expect(await descriptionOf(recipient)).toBe(
        'An address has 40 characters after 0x; this has 39.',
      )
    })
  },
)
