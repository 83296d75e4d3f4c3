import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TransactionView } from '../src/server/transactions/schemas.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  balanceOf,
  fundedAccount,
  getTransaction,
  nodeNonce,
  postTransaction,
  randomAddress,
  receiptOf,
  send,
  startTransactionStack,
  waitUntilFinal,
  type FundedAccount,
  type TransactionStack,
} from './helpers/transaction-stack.js'

const HASH = /^0x[0-9a-f]{64}$/

let ts: TransactionStack
let alice: FundedAccount
beforeAll(async () => {
  ts = await startTransactionStack()
  await ts.stack.signer()
  alice = await fundedAccount(ts.stack)
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

describe('POST /v1/accounts/:id/transactions', () => {
  it('answers 202 with the hash once broadcast, then confirms', async () => {
    const to = randomAddress()
    const value = parseEther('0.25')
    const before = await balanceOf(ts.anvil, alice.address)

    const response = await postTransaction(ts.stack, alice, {
      to: to.toLowerCase(),
      value: value.toString(),
    })

    expect(response.statusCode).toBe(202)
    const sent = response.json<TransactionView>()
    expect(sent).toMatchObject({
      accountId: alice.accountId,
      chainId: 31337,
      from: alice.address,
      to,
      value: value.toString(),
      data: null,
      nonce: 0,
      // Broadcast, and perhaps already mined and tracked.
      status: expect.stringMatching(/^(submitted|confirmed)$/) as string,
      hash: expect.stringMatching(HASH) as string,
      errorCode: null,
    })
    expect(BigInt(sent.gasLimit)).toBe(25_200n) // 21 000 and 20%

    const [final] = await waitUntilFinal(ts.stack, alice.user, [sent.id])
    expect(final).toMatchObject({ status: 'confirmed', hash: sent.hash })
    const fee =
      BigInt(final?.gasUsed ?? 0) * BigInt(final?.effectiveGasPrice ?? 0)
    expect(final?.feeWei).toBe(fee.toString())
    expect(fee).toBeGreaterThan(0n)
    expect(await balanceOf(ts.anvil, to)).toBe(value)
    expect(await balanceOf(ts.anvil, alice.address)).toBe(before - value - fee)
    const receipt = await receiptOf(ts.anvil, sent.hash ?? '')
    expect(receipt?.status).toBe('0x1')
    expect(Number(receipt?.blockNumber)).toBe(final?.blockNumber)
  })

  it('sends calldata to a contract', async () => {
    const contract = randomAddress()
    // STOP: a contract that takes any call and does nothing.
    await ts.anvil.rpc('anvil_setCode', [contract, '0x00'])

    const sent = await postTransaction(ts.stack, alice, {
      to: contract,
      value: '0',
      data: '0xdeadBEEF',
    })

    expect(sent.statusCode).toBe(202)
    const id = sent.json<TransactionView>().id
    const [final] = await waitUntilFinal(ts.stack, alice.user, [id])
    expect(final).toMatchObject({ status: 'confirmed', data: '0xdeadbeef' })
  })
})

describe('reading transactions', () => {
  it('answers another user as if the transaction did not exist', async () => {
    const sent = await send(ts.stack, alice, randomAddress(), 1n)
    const mallory = await ts.stack.signIn('mallory')

    const own = await getTransaction(ts.stack, alice.user, sent.id)
    const theirs = await ts.stack.request({
      url: `/v1/transactions/${sent.id}`,
      headers: mallory,
    })
    const list = await ts.stack.request({
      url: `/v1/accounts/${alice.accountId}/transactions`,
      headers: mallory,
    })
    const post = await postTransaction(
      ts.stack,
      { ...alice, user: mallory },
      { to: randomAddress(), value: '1' },
    )

    expect(own.id).toBe(sent.id)
    expectError(theirs, 404, 'TRANSACTION_NOT_FOUND')
    expectError(list, 404, 'ACCOUNT_NOT_FOUND')
    expectError(post, 404, 'ACCOUNT_NOT_FOUND')
  })

  it("lists an account's transactions newest first, a page at a time", async () => {
    const bob = await fundedAccount(ts.stack)
    const sent: TransactionView[] = []
    for (let i = 0; i < 5; i++) {
      sent.push(await send(ts.stack, bob, randomAddress(), BigInt(i + 1)))
    }

    const pages: TransactionView[][] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const response = await ts.stack.request({
        url: `/v1/accounts/${bob.accountId}/transactions?limit=2${query}`,
        headers: bob.user,
      })
      expect(response.statusCode).toBe(200)
      const page = response.json<{
        data: TransactionView[]
        nextCursor: string | null
      }>()
      pages.push(page.data)
      cursor = page.nextCursor
    } while (cursor)

    expect(pages.map((page) => page.length)).toEqual([2, 2, 1])
    expect(pages.flat().map((tx) => tx.nonce)).toEqual([4, 3, 2, 1, 0])
    expect(pages.flat().map((tx) => tx.id)).toEqual(
      sent.map((tx) => tx.id).reverse(),
    )
    const bad = await ts.stack.request({
      url: `/v1/accounts/${bob.accountId}/transactions?cursor=${alice.accountId}`,
      headers: bob.user,
    })
    expectError(bad, 400, 'INVALID_CURSOR')
  })
})

describe('Idempotency-Key', () => {
  it('sends once for a repeated key, and refuses it for another body', async () => {
    const carol = await fundedAccount(ts.stack)
    const to = randomAddress()
    const key = { 'idempotency-key': `pay-${to}` }
    const body = { to, value: '1000' }

    const first = await postTransaction(ts.stack, carol, body, key)
    const again = await Promise.all(
      [1, 2, 3].map(() => postTransaction(ts.stack, carol, body, key)),
    )
    const other = await postTransaction(
      ts.stack,
      carol,
      { ...body, value: '2000' },
      key,
    )

    expect(first.statusCode).toBe(202)
    const id = first.json<TransactionView>().id
    for (const response of again) {
      expect(response.statusCode).toBe(202)
      expect(response.headers['idempotent-replayed']).toBe('true')
      expect(response.json<TransactionView>().id).toBe(id)
    }
    expectError(other, 409, 'IDEMPOTENCY_KEY_REUSED')
    await waitUntilFinal(ts.stack, carol.user, [id])
    const [rows] = await ts.stack.t.database.sql<{ n: number }[]>`
      select count(*)::int as n from transactions
      where account_id = ${carol.accountId}`
    expect(rows?.n).toBe(1)
    expect(await nodeNonce(ts.anvil, carol.address)).toBe(1)
    expect(await balanceOf(ts.anvil, to)).toBe(1000n)
  })

  it('replays the current state of the transaction', async () => {
    const key = { 'idempotency-key': `state-${randomAddress()}` }
    const body = { to: randomAddress(), value: '5' }
    const first = await postTransaction(ts.stack, alice, body, key)
    const id = first.json<TransactionView>().id
    await waitUntilFinal(ts.stack, alice.user, [id])

    const replay = await postTransaction(ts.stack, alice, body, key)

    expect(replay.statusCode).toBe(202)
    expect(replay.json<TransactionView>()).toMatchObject({
      id,
      status: 'confirmed',
    })
  })
})
