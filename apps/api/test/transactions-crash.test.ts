import { setTimeout as sleep } from 'node:timers/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expectNoPlaintextSecrets } from './helpers/custody-checks.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  expectAllMinedOnce,
  fundedAccount,
  sendMany,
  startSignerWithoutNode,
  startTransactionStack,
  waitUntilFinal,
  type TransactionStack,
} from './helpers/transaction-stack.js'

let ts: TransactionStack
beforeAll(async () => {
  ts = await startTransactionStack({
    keepChain: true,
    // Sends answer at once, still queued: the tests decide who sends.
    env: { SEND_WAIT_MS: '0' },
  })
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

async function countSubmitted(ids: string[]): Promise<number> {
  const [row] = await ts.stack.t.database.sql<{ n: number }[]>`
    select count(*)::int as n from transactions
    where id in ${ts.stack.t.database.sql(ids)} and status <> 'queued'`
  return row?.n ?? 0
}

describe('a signer killed while sending', () => {
  it('leaves every transaction confirmed once', async () => {
    const signer = await ts.stack.startSigner({ SIGNER_CONCURRENCY: '1' })
    const from = await fundedAccount(ts.stack)
    const batch = await sendMany(ts.stack, from, 30)
    await waitFor(async () => (await countSubmitted(batch.ids)) >= 3, {
      intervalMs: 5,
      message: 'a few sends to go out',
    })

    signer.kill('SIGKILL')
    await signer.exited
    expect(await countSubmitted(batch.ids)).toBeLessThan(30)
    await ts.stack.startSigner()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids, 60_000)
    await expectAllMinedOnce(ts.anvil, from, batch, final, 0)
  }, 90_000)

  it('sends what it signed, whether it broadcast it or not', async () => {
    await ts.stack.stopSigners()
    await ts.stack.startSigner()
    const from = await fundedAccount(ts.stack)
    await ts.stack.stopSigners()
    const batch = await sendMany(ts.stack, from, 2)
    const sql = ts.stack.t.database.sql
    await ts.anvil.stop()

    // This signer signs both, then fails to broadcast: the node is down.
    const doomed = await startSignerWithoutNode(ts)
    const signed = await waitFor(async () => {
      const rows = await sql<{ id: string; nonce: number; raw: string }[]>`
        select id, nonce, raw from transactions
        where id in ${sql(batch.ids)} and raw is not null order by nonce`
      return rows.length === 2 && rows
    })
    doomed.kill('SIGKILL')
    await doomed.exited
    await ts.anvil.restart()
    // As if the signer had broadcast the second before it died.
    await ts.anvil.rpc('eth_sendRawTransaction', [signed[1]?.raw])
    await ts.stack.startSigner()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids)
    await expectAllMinedOnce(ts.anvil, from, batch, final, 0)
    const [attempts] = await sql<{ n: number }[]>`
      select count(*)::int as n from transaction_attempts
      where transaction_id in ${sql(batch.ids)}`
    expect(attempts?.n).toBe(2)
  }, 90_000)
})

describe('a node that stops in the middle of sends', () => {
  it('ends with every transaction confirmed once', async () => {
    await ts.stack.signer()
    const from = await fundedAccount(ts.stack)
    const batch = await sendMany(ts.stack, from, 20)
    await waitFor(async () => (await countSubmitted(batch.ids)) >= 3, {
      intervalMs: 5,
      message: 'a few sends to go out',
    })

    await ts.anvil.stop()
    await sleep(1500)
    await ts.anvil.restart()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids, 60_000)
    await expectAllMinedOnce(ts.anvil, from, batch, final, 0)
  }, 90_000)
})

describe('after the signers and the node failed', () => {
  it('no seed or private key is left in plaintext anywhere', async () => {
    expect(await expectNoPlaintextSecrets(ts.stack)).toBeGreaterThanOrEqual(3)
  })
})
