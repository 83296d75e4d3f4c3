import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TransactionView } from '../src/server/transactions/schemas.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  balanceOf,
  fundedAccount,
  nodeNonce,
  randomAddress,
  receiptOf,
  startTransactionStack,
  waitUntilFinal,
  type TransactionStack,
} from './helpers/transaction-stack.js'

const SENDS = 50

let ts: TransactionStack
let secondApi: TestApp
beforeAll(async () => {
  ts = await startTransactionStack()
  await Promise.all([ts.stack.startSigner(), ts.stack.startSigner()])
  // Another API process on the same database and queues, trusting the
  // same development issuer.
  secondApi = await startTestApp({
    DATA_DIR: ts.stack.t.config.dataDir,
    DATABASE_URL: ts.stack.databaseUrl,
    REDIS_URL: ts.stack.redisUrl,
    REDIS_PREFIX: ts.stack.redisPrefix,
    RPC_URL: ts.anvil.rpcUrl,
  })
})
afterAll(async () => {
  await stopAllSigners()
  await secondApi?.close()
  await ts?.close()
})

describe('many sends from one account at once', () => {
  it(`gives ${SENDS} sends consecutive nonces, each mined once`, async () => {
    const from = await fundedAccount(ts.stack, '100')
    const first = await nodeNonce(ts.anvil, from.address)
    const to = randomAddress()
    const values = Array.from(
      { length: SENDS },
      (_, i) => parseEther('0.01') + BigInt(i),
    )

    const responses = await Promise.all(
      values.map((value, i) =>
        (i % 2 === 0 ? ts.stack.t.app : secondApi.app).inject({
          method: 'POST',
          url: `/v1/accounts/${from.accountId}/transactions`,
          headers: from.user,
          payload: { to, value: value.toString() },
        }),
      ),
    )

    expect(responses.map((response) => response.statusCode)).toEqual(
      values.map(() => 202),
    )
    const ids = responses.map((r) => r.json<TransactionView>().id)
    const final = await waitUntilFinal(ts.stack, from.user, ids, 60_000)
    expect(final.map((tx) => tx.status)).toEqual(values.map(() => 'confirmed'))
    const nonces = final.map((tx) => tx.nonce).sort((a, b) => a - b)
    expect(nonces).toEqual(values.map((_, i) => first + i))
    expect(await nodeNonce(ts.anvil, from.address)).toBe(first + SENDS)
    const total = values.reduce((sum, value) => sum + value, 0n)
    expect(await balanceOf(ts.anvil, to)).toBe(total)
    const receipts = await Promise.all(
      final.map((tx) => receiptOf(ts.anvil, tx.hash ?? '')),
    )
    expect(receipts.map((receipt) => receipt?.status)).toEqual(
      values.map(() => '0x1'),
    )
  }, 90_000)
})
