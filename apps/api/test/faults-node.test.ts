import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TransactionView } from '../src/server/transactions/schemas.js'
import {
  doneCounts,
  expectNoPlaintextSecrets,
} from './helpers/custody-checks.js'
import { unique } from './helpers/app.js'
import { snapshotDatabase } from './helpers/db-snapshot.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  balanceOf,
  expectAllMinedOnce,
  fundedAccount,
  getTransaction,
  nodeNonce,
  postTransaction,
  sendMany,
  startSignerWithoutNode,
  startTransactionStack,
  waitUntilFinal,
  type FundedAccount,
  type TransactionStack,
} from './helpers/transaction-stack.js'

let ts: TransactionStack
beforeAll(async () => {
  ts = await startTransactionStack({
    keepChain: true,
    // Sends answer at once, still queued: the test decides who sends.
    env: { SEND_WAIT_MS: '0' },
  })
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

/** True once a signer has failed to send each of `ids` at least twice. */
function failedTwiceEach(ids: string[]): boolean {
  const retried = new Set(
    ts.stack
      .signerLogs()
      .filter((line) => line.msg === 'job failed' && Number(line.attempt) > 1)
      .map((line) => line.jobId),
  )
  return ids.every((id) => retried.has(id))
}

/** The columns that say whether, when and where a send went out. */
async function sendStates(ids: string[]) {
  const sql = ts.stack.t.database.sql
  return sql<
    {
      id: string
      status: string
      hash: string | null
      submittedAt: Date | null
      blockNumber: number | null
      confirmedAt: Date | null
    }[]
  >`
    select id, status, hash, submitted_at as "submittedAt",
      block_number as "blockNumber", confirmed_at as "confirmedAt"
    from transactions where id in ${sql(ids)} order by nonce`
}

/** Each read of the node an account's owner can ask for. */
function nodeReads(from: FundedAccount, to: string) {
  const { stack } = ts
  return Promise.all([
    stack.request({
      url: `/v1/accounts/${from.accountId}/balance`,
      headers: from.user,
    }),
    stack.request({
      method: 'POST',
      url: `/v1/accounts/${from.accountId}/transactions/estimate`,
      headers: from.user,
      payload: { to, value: '1' },
    }),
  ])
}

/**
 * Checks sends made before the node went down: each signed, its hash
 * recorded before it was broadcast, but none marked as sent. Returns them.
 */
async function expectSignedNotSent(from: FundedAccount, ids: string[]) {
  const rows = await sendStates(ids)
  for (const row of rows) {
    expect(row).toMatchObject({
      status: 'queued',
      hash: expect.stringMatching(/^0x[0-9a-f]{64}$/) as string,
      submittedAt: null,
      blockNumber: null,
      confirmedAt: null,
    })
  }
  const seen = await getTransaction(ts.stack, from.user, ids[0] ?? '')
  expect(seen).toMatchObject({ status: 'queued', submittedAt: null })
  return rows
}

/**
 * Asks for a send while the node is down: it is refused with 503 and
 * writes nothing. Returns the request, to be sent again later.
 */
async function expectSendRefused(from: FundedAccount, to: string) {
  const { sql } = ts.stack.t.database
  const headers = { 'idempotency-key': unique('node-down') }
  const payload = { to, value: '1005' }
  const before = await snapshotDatabase(sql)
  const refused = await postTransaction(ts.stack, from, payload, headers)
  expectError(refused, 503, 'NODE_UNAVAILABLE')
  expect(await snapshotDatabase(sql)).toEqual(before)
  return { payload, headers }
}

describe('the Ethereum node down', () => {
  it('keeps sends queued, answers reads 503, then sends each once', async () => {
    const { stack, anvil } = ts
    await stack.startSigner()
    const from = await fundedAccount(stack)
    await stack.stopSigners()
    const batch = await sendMany(stack, from, 5)
    await anvil.stop()

    // One signer is told the chain and takes the sends up at once; the
    // other, with RPC_URL alone, must ask the node for it and waits.
    const told = await startSignerWithoutNode(ts)
    const asking = await stack.startSigner()
    await waitFor(() => failedTwiceEach(batch.ids), {
      message: 'each send to be tried twice',
    })
    const during = await expectSignedNotSent(from, batch.ids)
    for (const read of await nodeReads(from, batch.to)) {
      expectError(read, 503, 'NODE_UNAVAILABLE')
    }
    const refused = await expectSendRefused(from, batch.to)
    await waitFor(() => asking.output().includes('transactions wait for it'), {
      message: 'the second signer to find the node down',
    })

    await anvil.restart()

    const final = await waitUntilFinal(stack, from.user, batch.ids, 60_000)
    await expectAllMinedOnce(anvil, from, batch, final, 0)
    // Sent as signed during the outage, each once, never signed anew.
    const hashes = (rows: { id: string; hash: string | null }[]) =>
      Object.fromEntries(rows.map((row) => [row.id, row.hash]))
    expect(hashes(final)).toEqual(hashes(during))
    expect(doneCounts(stack, batch.ids)).toEqual(batch.ids.map(() => 1))
    const [attempts] = await stack.t.database.sql<{ n: number }[]>`
      select count(*)::int as n from transaction_attempts
      where transaction_id in ${stack.t.database.sql(batch.ids)}`
    expect(attempts?.n).toBe(batch.ids.length)

    // The refused send was recorded nowhere: its key is free for a retry.
    const { payload, headers } = refused
    const retried = await postTransaction(stack, from, payload, headers)
    expect(retried.statusCode, retried.body).toBe(202)
    expect(retried.headers['idempotent-replayed']).toBeUndefined()
    const next = retried.json<TransactionView>()
    expect(next.nonce).toBe(batch.ids.length)
    const [last] = await waitUntilFinal(stack, from.user, [next.id])
    expect(last?.status).toBe('confirmed')
    expect(await nodeNonce(anvil, from.address)).toBe(batch.ids.length + 1)
    const [balance] = await nodeReads(from, batch.to)
    expect(balance?.json<{ wei: string }>().wei).toBe(
      (await balanceOf(anvil, from.address)).toString(),
    )

    for (const signer of [told, asking]) {
      expect(signer.process.exitCode).toBeNull()
      expect(signer.process.signalCode).toBeNull()
    }
    expect(await expectNoPlaintextSecrets(stack)).toBe(1)
  }, 90_000)
})
