import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import type { WalletView } from '../src/server/wallets/schemas.js'
import { unique } from './helpers/app.js'
import {
  addressOf,
  isChecksummed,
  storedEntropy,
  walletSecrets,
} from './helpers/custody.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  createWallet,
  getWallet,
  postAccount,
  postWallet,
  readyWallet,
  startWalletStack,
  waitForWallet,
  type WalletStack,
} from './helpers/wallet-stack.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

function path(index: number): string {
  return `m/44'/60'/0'/0/${index}`
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

let stack: WalletStack
beforeAll(async () => {
  stack = await startWalletStack()
})
afterAll(async () => {
  await stopAllSigners()
  await stack?.close()
})

async function nextAccountIndex(walletId: string): Promise<number> {
  const [row] = await stack.t.database.sql<{ next: number }[]>`
    select next_account_index as next from wallets where id = ${walletId}`
  return row?.next ?? -1
}

async function accountIndices(walletId: string): Promise<number[]> {
  const rows = await stack.t.database.sql<{ index: number }[]>`
    select index from accounts where wallet_id = ${walletId} order by index`
  return rows.map((row) => row.index)
}

describe('POST /v1/wallets', () => {
  it('records a pending wallet that a signer makes ready', async () => {
    // Without a signer the wallet must stay pending, whatever ran before.
    await stack.stopSigners()
    const user = await stack.signIn()
    const name = unique('savings')

    const created = await postWallet(stack, user, name)

    expect(created.statusCode).toBe(202)
    const wallet = created.json<WalletView>()
    expect(wallet).toEqual({
      id: expect.stringMatching(UUID) as string,
      name,
      status: 'pending',
      errorCode: null,
      createdAt: expect.stringMatching(ISO_TIME) as string,
      updatedAt: expect.stringMatching(ISO_TIME) as string,
    })
    const pending = await getWallet(stack, user, wallet.id)
    expect(pending.status).toBe('pending')
    expect(pending.accounts).toMatchObject([
      { index: 0, status: 'pending', address: null, path: path(0) },
    ])

    await stack.signer()
    const ready = await waitForWallet(stack, user, wallet.id)

    expect(ready).toMatchObject({ id: wallet.id, name, status: 'ready' })
    expect(ready.accounts).toHaveLength(1)
    const [account] = ready.accounts as [AccountView]
    expect(account).toMatchObject({
      walletId: wallet.id,
      index: 0,
      path: path(0),
      status: 'ready',
      errorCode: null,
    })
    expect(isChecksummed(account.address ?? '')).toBe(true)
    const entropy = await storedEntropy(
      stack.t.database.sql,
      stack.masterKey.key,
      wallet.id,
    )
    const [key] = walletSecrets(entropy, 1).privateKeys
    expect(account.address?.toLowerCase()).toBe(addressOf(key as Uint8Array))
  })

  it('refuses bodies that are not a valid name, and creates nothing', async () => {
    const user = await stack.signIn()
    const bodies = [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 42 },
      { name: 'fine', extra: true },
    ]

    for (const payload of bodies) {
      const response = await stack.request({
        method: 'POST',
        url: '/v1/wallets',
        headers: user,
        payload,
      })
      expectError(response, 400, 'VALIDATION_FAILED')
    }
    const list = await stack.request({ url: '/v1/wallets', headers: user })
    expect(list.json<{ data: WalletView[] }>().data).toEqual([])
  })
})

describe('POST /v1/wallets/:id/accounts', () => {
  it('hands indices 1..20 to 20 concurrent requests, once each', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)

    const answers = await Promise.all(
      range(1, 20).map(() => postAccount(stack, user, wallet.id)),
    )

    expect(answers.map((answer) => answer.statusCode)).toEqual(
      Array<number>(20).fill(202),
    )
    const created = answers.map((answer) => answer.json<AccountView>())
    for (const account of created) {
      expect(account).toMatchObject({
        walletId: wallet.id,
        status: 'pending',
        address: null,
        path: path(account.index),
      })
    }
    const indices = created.map((account) => account.index)
    expect(indices.sort((a, b) => a - b)).toEqual(range(1, 20))

    const done = await waitForWallet(stack, user, wallet.id)
    expect(done.accounts.map((account) => account.index)).toEqual(range(0, 20))
    expect(await nextAccountIndex(wallet.id)).toBe(21)

    // Every address, checked against an independent BIP-44 derivation
    // from the seed the signer stored.
    const entropy = await storedEntropy(
      stack.t.database.sql,
      stack.masterKey.key,
      wallet.id,
    )
    const { privateKeys } = walletSecrets(entropy, 21)
    for (const account of done.accounts) {
      expect(account.status).toBe('ready')
      expect(account.path).toBe(path(account.index))
      const address = account.address ?? ''
      expect(isChecksummed(address)).toBe(true)
      const key = privateKeys[account.index] as Uint8Array
      expect(address.toLowerCase()).toBe(addressOf(key))
    }
    const addresses = new Set(done.accounts.map((account) => account.address))
    expect(addresses.size).toBe(21)
  })

  it('refuses a pending wallet without using up an index', async () => {
    await stack.stopSigners()
    const user = await stack.signIn()
    const walletId = await createWallet(stack, user)
    const key = { 'idempotency-key': unique('first-account') }

    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await postAccount(stack, user, walletId)
      expectError(response, 409, 'WALLET_NOT_READY')
    }
    const withKey = await postAccount(stack, { ...user, ...key }, walletId)
    expectError(withKey, 409, 'WALLET_NOT_READY')

    expect(await nextAccountIndex(walletId)).toBe(1)
    expect(await accountIndices(walletId)).toEqual([0])

    await stack.signer()
    await waitForWallet(stack, user, walletId)
    // The refused request stored no answer under its key: a retry with
    // it, now that the wallet is ready, creates the account.
    const retried = await postAccount(stack, { ...user, ...key }, walletId)
    const next = await postAccount(stack, user, walletId)

    expect(retried.statusCode).toBe(202)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    expect(retried.json<AccountView>().index).toBe(1)
    expect(next.json<AccountView>().index).toBe(2)
    expect(await accountIndices(walletId)).toEqual([0, 1, 2])
  })

  it('takes an optional name and refuses anything else', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)

    const named = await postAccount(stack, user, wallet.id, { name: 'rent' })

    expect(named.statusCode).toBe(202)
    expect(named.json<AccountView>()).toMatchObject({ index: 1, name: 'rent' })
    for (const payload of [{ name: '' }, { name: 7 }, { index: 5 }]) {
      const response = await postAccount(stack, user, wallet.id, payload)
      expectError(response, 400, 'VALIDATION_FAILED')
    }
    expect(await accountIndices(wallet.id)).toEqual([0, 1])
  })
})

describe('PATCH renames', () => {
  it('renames a wallet and an account', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    const account = wallet.accounts[0] as AccountView

    const renamedWallet = await stack.request({
      method: 'PATCH',
      url: `/v1/wallets/${wallet.id}`,
      headers: user,
      payload: { name: 'holidays' },
    })
    const renamedAccount = await stack.request({
      method: 'PATCH',
      url: `/v1/accounts/${account.id}`,
      headers: user,
      payload: { name: 'main' },
    })

    expect(renamedWallet.statusCode).toBe(200)
    expect(renamedWallet.json<WalletView>()).toMatchObject({
      id: wallet.id,
      name: 'holidays',
      status: 'ready',
    })
    expect(renamedAccount.statusCode).toBe(200)
    expect(renamedAccount.json<AccountView>()).toMatchObject({
      id: account.id,
      name: 'main',
      address: account.address,
    })
    const after = await getWallet(stack, user, wallet.id)
    expect(after.name).toBe('holidays')
    expect(after.accounts[0]?.name).toBe('main')
  })

  it('refuses an invalid name or an extra field', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    const account = wallet.accounts[0] as AccountView
    const bodies = [
      {},
      { name: '' },
      { name: ' ' },
      { name: 'x'.repeat(101) },
      { name: null },
      { name: 'ok', status: 'ready' },
    ]

    for (const url of [
      `/v1/wallets/${wallet.id}`,
      `/v1/accounts/${account.id}`,
    ]) {
      for (const payload of bodies) {
        const response = await stack.request({
          method: 'PATCH',
          url,
          headers: user,
          payload,
        })
        expectError(response, 400, 'VALIDATION_FAILED')
      }
    }
    const after = await getWallet(stack, user, wallet.id)
    expect(after.name).toBe(wallet.name)
    expect(after.accounts[0]?.name).toBeNull()
  })
})

describe('the API process', () => {
  it('has no master key, and works without one', async () => {
    expect(process.env.MASTER_KEY).toBeUndefined()
    expect(process.env.MASTER_KEY_FILE).toBeUndefined()
    const settings = Object.keys(stack.t.config)
    expect(settings.filter((name) => /master|key/i.test(name))).toEqual([])

    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)

    expect(wallet.status).toBe('ready')
    expect(stack.t.logText()).not.toContain(stack.masterKey.base64)
  })
})
