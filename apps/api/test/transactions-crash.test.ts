import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TransactionView } from '../src/server/transactions/schemas.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  balanceOf,
  fundedAccount,
  nodeNonce,
  randomAddress,
  receiptOf,
  send,
  startTransactionStack,
  waitUntilFinal,
  type FundedAccount,
  type TransactionStack,
} from './helpers/transaction-stack.js'

let ts: TransactionStack
beforeAll(async () => {
  // --state: a stopped Anvil keeps its chain when started again.
  const dir = await mkdtemp(path.join(tmpdir(), 'custos-anvil-'))
  ts = await startTransactionStack({
    anvilArgs: ['--state', path.join(dir, 'state.json')],
    // Sends answer at once, still queued: the tests decide who sends.
    env: { SEND_WAIT_MS: '0' },
  })
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

/** A signer that knows the chain without asking its node, down or not. */
function signerWithoutNode(env: Record<string, string> = {}) {
  const chain = {
    id: 31337,
    name: 'Anvil',
    rpcUrl: ts.anvil.rpcUrl,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    confirmations: 1,
  }
  return ts.stack.startSigner({ CHAINS: JSON.stringify([chain]), ...env })
}

async function sendMany(from: FundedAccount, count: number) {
  const to = randomAddress()
  const values = Array.from({ length: count }, (_, i) => BigInt(1000 + i))
  const sent = await Promise.all(
    values.map((value) => send(ts.stack, from, to, value)),
  )
  return { to, values, ids: sent.map((tx) => tx.id) }
}

async function countSubmitted(ids: string[]): Promise<number> {
  const [row] = await ts.stack.t.database.sql<{ n: number }[]>`
    select count(*)::int as n from transactions
    where id = any(${ids}) and status <> 'queued'`
  return row?.n ?? 0
}

/** Every transaction confirmed, each nonce mined once, each value paid. */
async function expectAllMinedOnce(
  from: FundedAccount,
  batch: { to: string; values: bigint[] },
  final: TransactionView[],
  firstNonce: number,
): Promise<void> {
  expect(final.map((tx) => tx.status)).toEqual(final.map(() => 'confirmed'))
  const nonces = final.map((tx) => tx.nonce).sort((a, b) => a - b)
  expect(nonces).toEqual(final.map((_, i) => firstNonce + i))
  expect(await nodeNonce(ts.anvil, from.address)).toBe(
    firstNonce + final.length,
  )
  const total = batch.values.reduce((sum, value) => sum + value, 0n)
  expect(await balanceOf(ts.anvil, batch.to as `0x${string}`)).toBe(total)
  for (const tx of final) {
    expect((await receiptOf(ts.anvil, tx.hash ?? ''))?.status).toBe('0x1')
  }
}

describe('a signer killed while sending', () => {
  it('leaves every transaction confirmed once', async () => {
    const signer = await ts.stack.startSigner({ SIGNER_CONCURRENCY: '1' })
    const from = await fundedAccount(ts.stack)
    const batch = await sendMany(from, 30)
    await waitFor(async () => (await countSubmitted(batch.ids)) >= 3, {
      intervalMs: 5,
      message: 'a few sends to go out',
    })

    signer.kill('SIGKILL')
    await signer.exited
    expect(await countSubmitted(batch.ids)).toBeLessThan(30)
    await ts.stack.startSigner()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids, 60_000)
    await expectAllMinedOnce(from, batch, final, 0)
  }, 90_000)

  it('sends what it signed, whether it broadcast it or not', async () => {
    await ts.stack.stopSigners()
    await ts.stack.startSigner()
    const from = await fundedAccount(ts.stack)
    await ts.stack.stopSigners()
    const batch = await sendMany(from, 2)
    const sql = ts.stack.t.database.sql
    await ts.anvil.stop()

    // This signer signs both, then fails to broadcast: the node is down.
    const doomed = await signerWithoutNode()
    const signed = await waitFor(async () => {
      const rows = await sql<{ id: string; nonce: number; raw: string }[]>`
        select id, nonce, raw from transactions
        where id = any(${batch.ids}) and raw is not null order by nonce`
      return rows.length === 2 && rows
    })
    doomed.kill('SIGKILL')
    await doomed.exited
    await ts.anvil.restart()
    // As if the signer had broadcast the second before it died.
    await ts.anvil.rpc('eth_sendRawTransaction', [signed[1]?.raw])
    await ts.stack.startSigner()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids)
    await expectAllMinedOnce(from, batch, final, 0)
    const [attempts] = await sql<{ n: number }[]>`
      select count(*)::int as n from transaction_attempts
      where transaction_id = any(${batch.ids})`
    expect(attempts?.n).toBe(2)
  }, 90_000)
})

describe('a node that stops in the middle of sends', () => {
  it('ends with every transaction confirmed once', async () => {
    await ts.stack.signer()
    const from = await fundedAccount(ts.stack)
    const batch = await sendMany(from, 20)
    await waitFor(async () => (await countSubmitted(batch.ids)) >= 3, {
      intervalMs: 5,
      message: 'a few sends to go out',
    })

    await ts.anvil.stop()
    await sleep(1500)
    await ts.anvil.restart()

    const final = await waitUntilFinal(ts.stack, from.user, batch.ids, 60_000)
    await expectAllMinedOnce(from, batch, final, 0)
  }, 90_000)
})
