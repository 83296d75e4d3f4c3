import { expect } from 'vitest'

import {
  ACCOUNT_DERIVE_QUEUE,
  queuePrefix,
  WALLET_CREATE_QUEUE,
} from '../../src/shared/queues.js'
import { dumpKeysUnder } from './redis.js'
import {
  byteNeedles,
  dumpDatabase,
  findNeedles,
  walletNeedles,
  type Needle,
} from './secret-scan.js'
import {
  addressOf,
  expectedAddress,
  isChecksummed,
  storedEntropy,
  walletSecrets,
} from './custody.js'
import { waitFor } from './signer.js'
import type { WalletStack } from './wallet-stack.js'

/** Which rows a queue's jobs work on. */
const TABLES = {
  [WALLET_CREATE_QUEUE]: 'wallets',
  [ACCOUNT_DERIVE_QUEUE]: 'accounts',
} as const
export type WorkQueueName = keyof typeof TABLES

/** How many of `ids` are ready, and how many jobs of `queue` are running. */
export async function progress(
  stack: WalletStack,
  queue: WorkQueueName,
  ids: string[],
): Promise<{ ready: number; active: number }> {
  const sql = stack.t.database.sql
  const [row] = await sql<{ ready: number }[]>`
    select count(*)::int as ready from ${sql(TABLES[queue])}
    where id in ${sql(ids)} and status = 'ready'`
  const active = await stack.redis.llen(
    `${queuePrefix(stack.redisPrefix)}:${queue}:active`,
  )
  return { ready: row?.ready ?? 0, active }
}

/**
 * Waits until a signer is part-way through `ids`: some done, not all, and
 * jobs of `queue` running at this moment. Returns the ids of those jobs.
 */
export async function waitUntilPartWay(
  stack: WalletStack,
  queue: WorkQueueName,
  ids: string[],
): Promise<string[]> {
  await waitFor(
    async () => {
      const { ready, active } = await progress(stack, queue, ids)
      if (ready === ids.length) {
        throw new Error('the signer finished before it could be stopped')
      }
      return ready > 0 && active > 0
    },
    { timeoutMs: 30_000, intervalMs: 5, message: `${queue} to be part-way` },
  )
  return stack.redis.lrange(
    `${queuePrefix(stack.redisPrefix)}:${queue}:active`,
    0,
    -1,
  )
}

/** Waits until every one of `ids` is ready. */
export async function waitUntilReady(
  stack: WalletStack,
  queue: WorkQueueName,
  ids: string[],
  timeoutMs = 60_000,
): Promise<void> {
  await waitFor(
    async () => (await progress(stack, queue, ids)).ready === ids.length,
    { timeoutMs, intervalMs: 250, message: `all ${queue} work to be done` },
  )
}

/**
 * Checks that each wallet has exactly one account, ready at index 0, whose
 * address follows from the seed the wallet stores: so exactly one seed was
 * kept for it, whatever happened to the signers that made it.
 */
export async function expectOneSeedEach(
  stack: WalletStack,
  walletIds: string[],
): Promise<void> {
  const sql = stack.t.database.sql
  const rows = await sql<
    { walletId: string; index: number; status: string; address: string }[]
  >`
    select wallet_id as "walletId", index, status, address from accounts
    where wallet_id in ${sql(walletIds)} order by wallet_id`
  expect(rows.map((row) => row.walletId)).toEqual([...walletIds].sort())
  expect(new Set(rows.map((row) => row.address)).size).toBe(walletIds.length)
  for (const row of rows) {
    expect(row).toMatchObject({ index: 0, status: 'ready' })
    await expectDerived(stack, row.walletId, 0, row.address)
  }
}

/**
 * Checks that a wallet's accounts are exactly indices 0..`last`, each
 * ready, each address unique and derived from the wallet's stored seed.
 */
export async function expectAccounts(
  stack: WalletStack,
  walletId: string,
  last: number,
): Promise<void> {
  const sql = stack.t.database.sql
  const rows = await sql<{ index: number; status: string; address: string }[]>`
    select index, status, address from accounts
    where wallet_id = ${walletId} order by index`
  expect(rows.map((row) => row.index)).toEqual(
    Array.from({ length: last + 1 }, (_, i) => i),
  )
  expect(new Set(rows.map((row) => row.address)).size).toBe(rows.length)
  const entropy = await storedEntropy(sql, stack.masterKey.key, walletId)
  const { privateKeys } = walletSecrets(entropy, last + 1)
  for (const row of rows) {
    expect(row.status).toBe('ready')
    expect(isChecksummed(row.address)).toBe(true)
    const key = privateKeys[row.index] as Uint8Array
    expect(row.address.toLowerCase()).toBe(addressOf(key))
  }
}

async function expectDerived(
  stack: WalletStack,
  walletId: string,
  index: number,
  address: string,
): Promise<void> {
  const entropy = await storedEntropy(
    stack.t.database.sql,
    stack.masterKey.key,
    walletId,
  )
  expect(isChecksummed(address)).toBe(true)
  expect(address.toLowerCase()).toBe(expectedAddress(entropy, index))
}

/** How many times each of `ids` was done (not already-done) by a signer. */
export function doneCounts(stack: WalletStack, ids: string[]): number[] {
  const done = stack
    .signerLogs()
    .filter((line) => line.msg === 'job done' && line.outcome === 'done')
  return ids.map((id) => done.filter((line) => line.jobId === id).length)
}

/** Everything a stack keeps or prints, as text, by where it is kept. */
export async function stackPlaces(
  stack: WalletStack,
): Promise<Record<string, string>> {
  return {
    database: await dumpDatabase(stack.t.database.sql),
    redis: await dumpKeysUnder(stack.redis, stack.redisPrefix),
    apiLog: stack.t.logText(),
    signerOutput: stack.signerOutput(),
    responses: stack.responses.join('\n'),
  }
}

/**
 * The master key, and each sealed wallet's phrase, seed, chain key and
 * account keys, opened with the test's master key, in every form
 * secret-scan.ts knows; with how many wallets they cover.
 */
export async function stackSecrets(
  stack: WalletStack,
): Promise<{ needles: Needle[]; wallets: number }> {
  const sql = stack.t.database.sql
  const needles = byteNeedles('master key', stack.masterKey.key.key)
  const sealed = await sql<{ id: string; accounts: number }[]>`
    select w.id, max(a.index) + 1 as accounts
    from wallets w join accounts a on a.wallet_id = w.id
    where w.seed_ciphertext is not null group by w.id`
  for (const { id, accounts } of sealed) {
    const entropy = await storedEntropy(sql, stack.masterKey.key, id)
    needles.push(...walletNeedles(id, walletSecrets(entropy, accounts)))
  }
  return { needles, wallets: sealed.length }
}

/**
 * Scans everything a stack keeps or prints (its database, its Redis keys,
 * the API's log, every signer's output, every answer) for its secrets.
 * Returns how many wallets it checked.
 */
export async function expectNoPlaintextSecrets(
  stack: WalletStack,
): Promise<number> {
  const { needles, wallets } = await stackSecrets(stack)
  for (const [place, text] of Object.entries(await stackPlaces(stack))) {
    expect({ place, found: findNeedles(text, needles) }).toEqual({
      place,
      found: [],
    })
  }
  return wallets
}
