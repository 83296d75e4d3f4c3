import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expectError } from './helpers/http.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  fundedAccount,
  nodeNonce,
  postTransaction,
  randomAddress,
  startTransactionStack,
  waitUntilFinal,
  type FundedAccount,
  type TransactionStack,
} from './helpers/transaction-stack.js'

interface Estimate {
  chainId: number
  gasLimit: string
  maxFeePerGas: string
  maxPriorityFeePerGas: string
  expectedFee: string
  maxFee: string
  available: string
}

let ts: TransactionStack
let owner: FundedAccount
beforeAll(async () => {
  ts = await startTransactionStack({ env: { SEND_WAIT_MS: '0' } })
  await ts.stack.signer()
  owner = await fundedAccount(ts.stack, '1')
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

function estimate(
  from: FundedAccount,
  payload: Record<string, unknown>,
  headers = from.user,
) {
  return ts.stack.request({
    method: 'POST',
    url: `/v1/accounts/${from.accountId}/transactions/estimate`,
    headers,
    payload,
  })
}

async function recordedSends(from: FundedAccount): Promise<number> {
  const [row] = await ts.stack.t.database.sql<{ n: number }[]>`
    select count(*)::int as n from transactions
    where account_id = ${from.accountId}`
  return row?.n ?? -1
}

describe('POST /v1/accounts/:id/transactions/estimate', () => {
  it('quotes a transfer, records nothing, and bounds what it costs', async () => {
    const value = parseEther('0.1')
    const response = await estimate(owner, {
      to: randomAddress(),
      value: value.toString(),
    })

    expect(response.statusCode).toBe(200)
    const quote = response.json<Estimate>()
    expect(quote.chainId).toBe(31337)
    // A plain transfer uses 21000 gas; the limit adds a margin.
    expect(BigInt(quote.gasLimit)).toBeGreaterThanOrEqual(21_000n)
    expect(BigInt(quote.maxFee)).toBe(
      BigInt(quote.gasLimit) * BigInt(quote.maxFeePerGas),
    )
    expect(BigInt(quote.expectedFee)).toBeGreaterThan(0n)
    expect(BigInt(quote.expectedFee)).toBeLessThanOrEqual(BigInt(quote.maxFee))
    expect(BigInt(quote.available)).toBe(parseEther('1'))
    expect(await recordedSends(owner)).toBe(0)
    expect(await nodeNonce(ts.anvil, owner.address)).toBe(0)
  })

  it('matches what the send then pays at most', async () => {
    const payload = { to: randomAddress(), value: '1000' }
    const quote = (await estimate(owner, payload)).json<Estimate>()

    const sent = await postTransaction(ts.stack, owner, payload)
    const [done] = await waitUntilFinal(ts.stack, owner.user, [
      sent.json<{ id: string }>().id,
    ])

    expect(done?.status).toBe('confirmed')
    expect(BigInt(done?.feeWei ?? '0')).toBeLessThanOrEqual(
      BigInt(quote.maxFee),
    )
  })

  it('counts what sends in flight may still cost', async () => {
    const payer = await fundedAccount(ts.stack, '1')
    await ts.stack.stopSigners()
    try {
      const payment = {
        to: randomAddress(),
        value: parseEther('0.6').toString(),
      }
      expect((await estimate(payer, payment)).statusCode).toBe(200)
      expect((await postTransaction(ts.stack, payer, payment)).statusCode).toBe(
        202,
      )

      expectError(await estimate(payer, payment), 422, 'INSUFFICIENT_FUNDS')
    } finally {
      await ts.stack.signer()
    }
  })

  it('refuses more than the balance with INSUFFICIENT_FUNDS', async () => {
    const response = await estimate(owner, {
      to: randomAddress(),
      value: parseEther('5').toString(),
    })

    expectError(response, 422, 'INSUFFICIENT_FUNDS')
  })

  it('refuses a call that would revert', async () => {
    const contract = randomAddress()
    await ts.anvil.rpc('anvil_setCode', [contract, '0x60006000fd'])

    const response = await estimate(owner, {
      to: contract,
      value: '0',
      data: '0x12345678',
    })

    expectError(response, 422, 'TRANSACTION_WOULD_REVERT')
  })

  it('refuses a bad address, a bad value and an unknown chain', async () => {
    const to = randomAddress()
    expectError(
      await estimate(owner, { to: to.slice(0, -1), value: '1' }),
      400,
      'INVALID_ADDRESS',
    )
    expectError(
      await estimate(owner, { to, value: '1.5' }),
      400,
      'VALIDATION_FAILED',
    )
    expectError(
      await estimate(owner, { to, value: '1', chainId: 1 }),
      400,
      'UNKNOWN_CHAIN',
    )
  })

  it("answers 404 for another user's account", async () => {
    const stranger = await ts.stack.signIn()

    const response = await estimate(
      owner,
      { to: randomAddress(), value: '1' },
      stranger,
    )

    expectError(response, 404, 'ACCOUNT_NOT_FOUND')
  })
})
