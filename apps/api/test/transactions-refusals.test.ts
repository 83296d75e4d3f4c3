import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  balanceOf,
  fundedAccount,
  nodeNonce,
  postTransaction,
  randomAddress,
  startTransactionStack,
  waitUntilFinal,
  type FundedAccount,
  type TransactionStack,
} from './helpers/transaction-stack.js'
import { postAccount } from './helpers/wallet-stack.js'

let ts: TransactionStack
let dave: FundedAccount
beforeAll(async () => {
  // Sends made while no signer runs answer, still queued, after 1 s.
  ts = await startTransactionStack({ env: { SEND_WAIT_MS: '1000' } })
  await ts.stack.signer()
  dave = await fundedAccount(ts.stack, '1')
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

/** What a refused send must not leave behind: a row, a nonce, a send. */
async function expectNothingSent(from: FundedAccount): Promise<void> {
  const sql = ts.stack.t.database.sql
  const [rows] = await sql<{ n: number }[]>`
    select count(*)::int as n from transactions
    where account_id = ${from.accountId}`
  const counters = await sql`
    select 1 from account_nonces where address = ${from.address}`
  expect(rows?.n).toBe(0)
  expect(counters).toHaveLength(0)
  expect(await nodeNonce(ts.anvil, from.address)).toBe(0)
}

describe('a send the node or the balance cannot carry', () => {
  it('refuses more than the balance with INSUFFICIENT_FUNDS', async () => {
    const response = await postTransaction(ts.stack, dave, {
      to: randomAddress(),
      value: parseEther('1').toString(), // the gas is on top
    })

    expectError(response, 422, 'INSUFFICIENT_FUNDS')
    await expectNothingSent(dave)
  })

  it('refuses a call that would revert with TRANSACTION_WOULD_REVERT', async () => {
    const contract = randomAddress()
    // PUSH1 0 PUSH1 0 REVERT: reverts whatever it is sent.
    await ts.anvil.rpc('anvil_setCode', [contract, '0x60006000fd'])

    const response = await postTransaction(ts.stack, dave, {
      to: contract,
      value: '0',
      data: '0x12345678',
    })

    expectError(response, 422, 'TRANSACTION_WOULD_REVERT')
    await expectNothingSent(dave)
  })

  it('counts what sends in flight may still cost', async () => {
    const erin = await fundedAccount(ts.stack, '1')
    const payment = { to: randomAddress(), value: parseEther('0.6').toString() }
    // Without a signer the first stays queued: the node's balance is whole.
    await ts.stack.stopSigners()

    const first = await postTransaction(ts.stack, erin, payment)
    const second = await postTransaction(ts.stack, erin, payment)

    expect(first.json()).toMatchObject({ status: 'queued', hash: null })
    expectError(second, 422, 'INSUFFICIENT_FUNDS')
    expect(await balanceOf(ts.anvil, erin.address)).toBe(parseEther('1'))
    await ts.stack.signer()
    await waitUntilFinal(ts.stack, erin.user, [first.json<{ id: string }>().id])
    expect(await nodeNonce(ts.anvil, erin.address)).toBe(1)
  })
})

describe('a malformed send', () => {
  const checksummed = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
  const cases: [string, Record<string, unknown>, number, string][] = [
    [
      'an address whose checksum is wrong',
      { to: checksummed.replace('C5', 'c5'), value: '1' },
      400,
      'INVALID_ADDRESS',
    ],
    [
      'an address one digit short',
      { to: checksummed.slice(0, -1), value: '1' },
      400,
      'INVALID_ADDRESS',
    ],
    [
      'an address that is not hex',
      { to: `0x${'g'.repeat(40)}`, value: '1' },
      400,
      'INVALID_ADDRESS',
    ],
    [
      'a negative value',
      { to: checksummed, value: '-1' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a fractional value',
      { to: checksummed, value: '1.5' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a value as a number',
      { to: checksummed, value: 1 },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a value above 2^256 - 1',
      { to: checksummed, value: '9'.repeat(78) },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'calldata of odd length',
      { to: checksummed, value: '0', data: '0x123' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown field',
      { to: checksummed, value: '1', gasPrice: '1' },
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a chain that is not configured',
      { to: checksummed, value: '1', chainId: 1 },
      400,
      'UNKNOWN_CHAIN',
    ],
  ]

  it.each(cases)('refuses %s', async (_name, payload, status, code) => {
    const response = await postTransaction(ts.stack, dave, payload)

    expectError(response, status, code)
    await expectNothingSent(dave)
  })

  it('accepts an address in one case, which carries no checksum', async () => {
    const frank = await fundedAccount(ts.stack, '1')
    const upper = `0x${checksummed.slice(2).toUpperCase()}`

    const response = await postTransaction(ts.stack, frank, {
      to: upper,
      value: '1',
    })

    expect(response.statusCode).toBe(202)
    expect(response.json<{ to: string }>().to).toBe(checksummed)
  })
})

describe('an account that is not ready', () => {
  const checksummed = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
  it('refuses to send with ACCOUNT_NOT_READY', async () => {
    // Without a signer, the new account stays pending.
    await ts.stack.stopSigners()
    const walletId = (
      await ts.stack.request({
        url: `/v1/accounts/${dave.accountId}`,
        headers: dave.user,
      })
    ).json<AccountView>().walletId
    const pending = (
      await postAccount(ts.stack, dave.user, walletId)
    ).json<AccountView>()

    const response = await postTransaction(
      ts.stack,
      { ...dave, accountId: pending.id },
      { to: checksummed, value: '1' },
    )

    expectError(response, 409, 'ACCOUNT_NOT_READY')
  })
})
