import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import {
  accountBatchJobId,
  ACCOUNT_DERIVE_QUEUE,
  queuePrefix,
} from '../src/shared/queues.js'
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
  postAccount,
  readyWallet,
  startWalletStack,
  waitForWallet,
  type WalletStack,
} from './helpers/wallet-stack.js'

let stack: WalletStack
beforeAll(async () => {
  stack = await startWalletStack()
})
afterAll(async () => {
  await stopAllSigners()
  await stack?.close()
})

function postBatch(
  headers: Record<string, string>,
  walletId: string,
  payload: unknown,
) {
  return stack.request({
    method: 'POST',
    url: `/v1/wallets/${walletId}/accounts/batch`,
    headers,
    payload: payload as Record<string, unknown>,
  })
}

async function accountIndices(walletId: string): Promise<number[]> {
  const rows = await stack.t.database.sql<{ index: number }[]>`
    select index from accounts where wallet_id = ${walletId} order by index`
  return rows.map((row) => row.index)
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

describe('POST /v1/wallets/:id/accounts/batch', () => {
  it('gives each batch consecutive indices, beside single requests', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)

    const [first, second, ...singles] = await Promise.all([
      postBatch(user, wallet.id, { count: 40 }),
      postBatch(user, wallet.id, { count: 25 }),
      ...range(1, 5).map(() => postAccount(stack, user, wallet.id)),
    ])

    const batches = [first, second].map((answer) => {
      expect(answer?.statusCode).toBe(202)
      return answer?.json<{ data: AccountView[] }>().data ?? []
    })
    expect(batches.map((batch) => batch.length)).toEqual([40, 25])
    for (const batch of batches) {
      const indices = batch.map((account) => account.index)
      const start = indices[0] ?? -1
      expect(indices).toEqual(range(start, start + batch.length - 1))
      for (const account of batch) {
        expect(account).toMatchObject({ status: 'pending', address: null })
      }
    }
    const all = [
      ...batches.flat().map((account) => account.index),
      ...singles.map((answer) => answer.json<AccountView>().index),
    ]
    expect(all.sort((a, b) => a - b)).toEqual(range(1, 70))

    const done = await waitForWallet(stack, user, wallet.id)
    const entropy = await storedEntropy(
      stack.t.database.sql,
      stack.masterKey.key,
      wallet.id,
    )
    const { privateKeys } = walletSecrets(entropy, 71)
    expect(done.accounts.map((account) => account.index)).toEqual(range(0, 70))
    for (const account of done.accounts) {
      expect(account.status).toBe('ready')
      const address = account.address ?? ''
      expect(isChecksummed(address)).toBe(true)
      const key = privateKeys[account.index] as Uint8Array
      expect(address.toLowerCase()).toBe(addressOf(key))
    }
  })

  it('announces a batch as one job that carries only ids', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)

    const answer = await postBatch(user, wallet.id, { count: 12 })
    const ids = answer.json<{ data: AccountView[] }>().data.map((a) => a.id)

    const key = `${queuePrefix(stack.redisPrefix)}:${ACCOUNT_DERIVE_QUEUE}`
    const data = await stack.redis.hget(
      `${key}:${accountBatchJobId(ids)}`,
      'data',
    )
    expect(JSON.parse(data ?? 'null')).toEqual({ accountIds: ids })
    await waitForWallet(stack, user, wallet.id)
  })

  it('replays an answer under its Idempotency-Key and creates nothing', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    const headers = { ...user, 'idempotency-key': unique('batch') }

    const first = await postBatch(headers, wallet.id, { count: 3 })
    const again = await postBatch(headers, wallet.id, { count: 3 })
    const changed = await postBatch(headers, wallet.id, { count: 4 })

    expect(first.statusCode).toBe(202)
    expect(again.statusCode).toBe(202)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json()).toEqual(first.json())
    expectError(changed, 409, 'IDEMPOTENCY_KEY_REUSED')
    expect(await accountIndices(wallet.id)).toEqual([0, 1, 2, 3])
  })

  it('refuses a bad count, a pending wallet and a stranger', async () => {
    await stack.stopSigners()
    const user = await stack.signIn()
    const stranger = await stack.signIn()
    const pendingId = await createWallet(stack, user)

    for (const payload of [
      {},
      { count: 0 },
      { count: 101 },
      { count: 2.5 },
      { count: '3' },
      { count: 3, name: 'x' },
    ]) {
      expectError(
        await postBatch(user, pendingId, payload),
        400,
        'VALIDATION_FAILED',
      )
    }
    expectError(
      await postBatch(user, pendingId, { count: 3 }),
      409,
      'WALLET_NOT_READY',
    )
    expectError(
      await postBatch(stranger, pendingId, { count: 3 }),
      404,
      'WALLET_NOT_FOUND',
    )
    expect(await accountIndices(pendingId)).toEqual([0])

    await stack.signer()
    await waitForWallet(stack, user, pendingId)
    const after = await postBatch(user, pendingId, { count: 2 })
    expect(
      after.json<{ data: AccountView[] }>().data.map((a) => a.index),
    ).toEqual([1, 2])
  })

  it('survives its job being lost: the reconciler derives each account', async () => {
    await stack.signer()
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    await stack.stopSigners()

    const answer = await postBatch(user, wallet.id, { count: 8 })
    const ids = answer.json<{ data: AccountView[] }>().data.map((a) => a.id)
    const key = `${queuePrefix(stack.redisPrefix)}:${ACCOUNT_DERIVE_QUEUE}`
    await stack.redis.del(`${key}:${accountBatchJobId(ids)}`)
    await stack.redis.lrem(`${key}:wait`, 0, accountBatchJobId(ids))

    await stack.signer()
    const done = await waitForWallet(stack, user, wallet.id, 30_000)
    expect(done.accounts.map((account) => account.status)).toEqual(
      Array<string>(9).fill('ready'),
    )
    expect(new Set(done.accounts.map((a) => a.address)).size).toBe(9)
  })
})
