import type { Page } from 'playwright-core'

import type { SampleData } from './sample-data.js'

/**
 * Whose screen it is: the sample user with a bit of everything, a
 * newcomer with nothing, a fresh user per picture (for screens that add
 * something), or a signed-out visitor.
 */
export type ScreenUser = 'sample' | 'newcomer' | 'fresh' | 'visitor'

export interface Screen {
  name: string
  user: ScreenUser
  path: (data: SampleData) => string
  /** Brings the loaded page to the state worth a picture. */
  show: (page: Page) => Promise<void>
  /** Only what is on screen, for a modal over a long page. */
  viewportOnly?: boolean
  /** Pictures the page while it waits: some of its calls never answer. */
  hangs?: string
}

// A recipient for the send screens; any valid address will do.
const RECIPIENT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name }).waitFor()
const list = (page: Page, name: string) =>
  page.getByRole('list', { name }).waitFor()
const account = (data: SampleData) => `/accounts/${data.accountId}`

async function fillSend(page: Page, to: string, amount: string) {
  await page.getByRole('textbox', { name: 'Recipient' }).fill(to)
  await page.getByRole('textbox', { name: 'Amount (ETH)' }).fill(amount)
  await page.getByRole('button', { name: 'Review' }).click()
}

/** The main screens, and a few states of them worth seeing. */
export const SCREENS: Screen[] = [
  {
    name: 'sign-in',
    user: 'visitor',
    path: () => '/sign-in',
    show: (page) => heading(page, 'Sign in'),
  },
  {
    name: 'wallets-empty',
    user: 'newcomer',
    path: () => '/',
    show: (page) => page.getByText('No wallets yet').waitFor(),
  },
  {
    name: 'wallets-loading',
    user: 'sample',
    path: () => '/',
    show: (page) =>
      page.getByRole('status', { name: 'Loading wallets' }).waitFor(),
    hangs: '**/v1/wallets?*',
  },
  {
    name: 'wallets',
    user: 'sample',
    path: () => '/',
    show: (page) => list(page, 'Wallets'),
  },
  {
    name: 'wallet',
    user: 'sample',
    path: (data) => `/wallets/${data.walletId}`,
    show: (page) => list(page, 'Accounts'),
  },
  {
    name: 'account-send',
    user: 'sample',
    path: account,
    show: (page) => list(page, 'Transactions'),
  },
  {
    name: 'send-invalid',
    user: 'sample',
    path: account,
    show: (page) => fillSend(page, RECIPIENT.toLowerCase() + 'a', '1,5'),
  },
  {
    name: 'send-review',
    user: 'sample',
    path: account,
    async show(page) {
      await fillSend(page, RECIPIENT, '0.25')
      await page.getByText('Total').waitFor()
    },
  },
  {
    name: 'account-sign',
    user: 'sample',
    path: account,
    async show(page) {
      await page.getByRole('tab', { name: 'Sign message' }).click()
      await page
        .getByRole('textbox', { name: 'Message' })
        .fill('I, the holder of this account, agree to the terms.')
      await page.getByRole('button', { name: 'Sign message' }).click()
      await page.getByText('Signature', { exact: true }).waitFor()
    },
  },
  {
    name: 'api-keys',
    user: 'sample',
    path: () => '/api-keys',
    show: (page) => list(page, 'API keys'),
  },
  {
    name: 'api-key-created',
    user: 'fresh',
    path: () => '/api-keys',
    async show(page) {
      await page
        .getByRole('textbox', { name: 'New API key' })
        .fill('Ledger export')
      await page.getByRole('button', { name: 'Create key' }).click()
      await page.getByRole('button', { name: 'I have copied it' }).waitFor()
    },
  },
  {
    name: 'api-key-revoke',
    user: 'sample',
    path: () => '/api-keys',
    async show(page) {
      await page.getByRole('button', { name: 'Revoke' }).click()
      await page.getByRole('dialog').waitFor()
    },
    viewportOnly: true,
  },
]
