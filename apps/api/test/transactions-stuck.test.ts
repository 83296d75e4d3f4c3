import { parseGwei, toHex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TransactionView } from '../src/server/transactions/schemas.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  fundedAccount,
  getTransaction,
  nodeNonce,
  randomAddress,
  receiptOf,
  send,
  startTransactionStack,
  waitUntilFinal,
  type TransactionStack,
} from './helpers/transaction-stack.js'

let ts: TransactionStack
beforeAll(async () => {
  ts = await startTransactionStack({ env: { STUCK_AFTER_MS: '1000' } })
  await ts.stack.signer()
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

interface Attempt {
  hash: string
  maxFeePerGas: string
  maxPriorityFeePerGas: string
}

async function attemptsOf(id: string): Promise<Attempt[]> {
  return ts.stack.t.database.sql<Attempt[]>`
    select hash, max_fee_per_gas::text as "maxFeePerGas",
      max_priority_fee_per_gas::text as "maxPriorityFeePerGas"
    from transaction_attempts where transaction_id = ${id}
    order by created_at`
}

/** Mines one block with whatever the node's pool holds. */
async function mineNow(): Promise<void> {
  await ts.anvil.rpc('evm_setAutomine', [true])
  await ts.anvil.rpc('evm_mine')
}

describe('a transaction the chain does not mine', () => {
  it('is replaced with higher fees after STUCK_AFTER_MS', async () => {
    const from = await fundedAccount(ts.stack)
    await ts.anvil.rpc('evm_setAutomine', [false])
    const started = Date.now()
    const sent = await send(ts.stack, from, randomAddress(), 1234n)
    expect(sent.status).toBe('submitted')

    // Nothing is mined: the transaction waits in the pool.
    const attempts = await waitFor(async () => {
      const found = await attemptsOf(sent.id)
      return found.length >= 2 && found
    })
    const waited = Date.now() - started
    await mineNow()

    const [final] = await waitUntilFinal(ts.stack, from.user, [sent.id])
    expect(waited).toBeGreaterThanOrEqual(1000)
    const [first, second] = attempts
    for (const fee of ['maxFeePerGas', 'maxPriorityFeePerGas'] as const) {
      expect(BigInt(second?.[fee] ?? 0)).toBeGreaterThanOrEqual(
        (BigInt(first?.[fee] ?? 0) * 1125n) / 1000n,
      )
    }
    expect(final).toMatchObject({ status: 'confirmed', hash: second?.hash })
    const mined = await Promise.all(
      (await attemptsOf(sent.id)).map((a) => receiptOf(ts.anvil, a.hash)),
    )
    expect(mined.filter((receipt) => receipt !== null)).toHaveLength(1)
    expect(await nodeNonce(ts.anvil, from.address)).toBe(1)
  })

  it('is signed again with current fees when the base fee passes its cap', async () => {
    const from = await fundedAccount(ts.stack)
    await ts.anvil.rpc('evm_setAutomine', [false])
    const sent = await send(ts.stack, from, randomAddress(), 1n)

    await ts.anvil.rpc('anvil_setNextBlockBaseFeePerGas', [
      toHex(parseGwei('100')),
    ])
    await ts.anvil.rpc('evm_mine')
    await waitFor(async () => (await attemptsOf(sent.id)).length >= 2)
    await mineNow()

    const [final] = await waitUntilFinal(ts.stack, from.user, [sent.id])
    expect(final?.status).toBe('confirmed')
    expect(BigInt(final?.maxFeePerGas ?? 0)).toBeGreaterThan(parseGwei('100'))
    expect(await nodeNonce(ts.anvil, from.address)).toBe(1)
  })
})

describe('a transaction the node drops', () => {
  it('is broadcast again, unchanged', async () => {
    const from = await fundedAccount(ts.stack)
    await ts.anvil.rpc('evm_setAutomine', [false])
    const sent = await send(ts.stack, from, randomAddress(), 1n)

    await ts.anvil.rpc('anvil_dropTransaction', [sent.hash])
    await waitFor(
      async () =>
        (await ts.anvil.rpc('eth_getTransactionByHash', [sent.hash])) !== null,
      { message: 'the tracker to send it again' },
    )
    await mineNow()

    const [final] = await waitUntilFinal(ts.stack, from.user, [sent.id])
    expect(final).toMatchObject({ status: 'confirmed', hash: sent.hash })
    expect(await attemptsOf(sent.id)).toHaveLength(1)
    const view: TransactionView = await getTransaction(
      ts.stack,
      from.user,
      sent.id,
    )
    expect(view.blockNumber).toBeGreaterThan(0)
  })
})
