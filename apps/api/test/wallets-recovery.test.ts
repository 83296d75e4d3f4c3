import type { Redis } from 'ioredis'
import { afterAll, describe, expect, it, type TestContext } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  queuePrefix,
  WALLET_CREATE_QUEUE,
} from '../src/shared/queues.js'
import {
  doneCounts,
  expectAccounts,
  expectNoPlaintextSecrets,
  expectOneSeedEach,
  progress,
  waitUntilPartWay,
  waitUntilReady,
} from './helpers/custody-checks.js'
import {
  canStartRedis,
  deleteKeysUnder,
  keysUnder,
  startPrivateRedis,
} from './helpers/redis.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  createAccount,
  createWallet,
  postAccount,
  readyWallet,
  startWalletStack,
  type WalletStack,
  type WalletStackOptions,
} from './helpers/wallet-stack.js'

// A killed signer's jobs stay locked until BullMQ sees them stalled: up to
// lockDuration (15 s) plus stalledInterval (5 s) after the kill.
const RECOVERY_MS = 60_000
const TEST_MS = 90_000

afterAll(stopAllSigners)

/**
 * Brings forward what BullMQ does on its own about 20 s after a signer
 * dies with a job in hand: the dead signer's lock lapses (lockDuration),
 * a stalled check marks the job, and the next check, one stalledInterval
 * later, may run at once. The next worker to start then finds the job
 * stalled, exactly as it would have without the wait.
 */
async function lapse(redis: Redis, jobKey: string, id: string) {
  await redis
    .multi()
    .del(`${jobKey}:${id}:lock`)
    .sadd(`${jobKey}:stalled`, id)
    .del(`${jobKey}:stalled-check`)
    .exec()
}

/** A stack of its own, so that these tests can run at the same time. */
async function stackFor(
  { onTestFinished }: TestContext,
  options: WalletStackOptions = {},
) {
  const stack = await startWalletStack(options)
  onTestFinished(() => stack.close())
  return stack
}

function times<T>(n: number, make: () => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, make))
}

/**
 * Leaves wallets and accounts pending, with their jobs waiting in Redis
 * and no signer running; `wipe` then loses Redis's data. A new signer must
 * still do all of the work, once.
 */
async function survivesLostRedis(
  stack: WalletStack,
  wipe: () => Promise<void>,
): Promise<void> {
  const user = await stack.signIn()
  const first = await stack.startSigner()
  const wallet = await readyWallet(stack, user)
  await first.stop()

  const walletIds = await Promise.all(
    Array.from({ length: 5 }, () => createWallet(stack, user)),
  )
  const accounts: AccountView[] = []
  for (let n = 0; n < 5; n++) {
    accounts.push(await createAccount(stack, user, wallet.id))
  }
  const accountIds = accounts.map((account) => account.id)
  const queues = queuePrefix(stack.redisPrefix)
  const jobKeys = [
    ...walletIds.map((id) => `${queues}:${WALLET_CREATE_QUEUE}:${id}`),
    ...accountIds.map((id) => `${queues}:${ACCOUNT_DERIVE_QUEUE}:${id}`),
  ]
  expect(await stack.redis.exists(...jobKeys)).toBe(jobKeys.length)

  await wipe()
  expect(await stack.redis.exists(...jobKeys)).toBe(0)

  await stack.startSigner()
  await waitUntilReady(stack, WALLET_CREATE_QUEUE, walletIds)
  await waitUntilReady(stack, ACCOUNT_DERIVE_QUEUE, accountIds)

  await expectOneSeedEach(stack, walletIds)
  await expectAccounts(stack, wallet.id, 5)
  const ids = [...walletIds, ...accountIds]
  expect(doneCounts(stack, ids)).toEqual(ids.map(() => 1))
  expect(await expectNoPlaintextSecrets(stack)).toBe(walletIds.length + 1)
}

describe.concurrent('work in progress survives', () => {
  it(
    'a signer killed making wallets: each keeps exactly one seed',
    async (context) => {
      const stack = await stackFor(context)
      const user = await stack.signIn()
      const ids = await times(60, () => createWallet(stack, user))

      const doomed = await stack.startSigner()
      await waitUntilPartWay(stack, WALLET_CREATE_QUEUE, ids)
      doomed.kill('SIGKILL')
      expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' })
      const atKill = await progress(stack, WALLET_CREATE_QUEUE, ids)
      expect(atKill.ready).toBeLessThan(ids.length)

      await stack.startSigner()
      await waitUntilReady(stack, WALLET_CREATE_QUEUE, ids, RECOVERY_MS)

      await expectOneSeedEach(stack, ids)
      for (const count of doneCounts(stack, ids)) {
        expect(count).toBeLessThanOrEqual(1)
      }
      expect(await expectNoPlaintextSecrets(stack)).toBe(ids.length)
    },
    TEST_MS,
  )

  it(
    'a signer killed deriving accounts: each index gets one address',
    async (context) => {
      const stack = await stackFor(context)
      const user = await stack.signIn()
      const first = await stack.startSigner()
      const wallet = await readyWallet(stack, user)
      await first.stop()
      const answers = await times(120, () =>
        postAccount(stack, user, wallet.id),
      )
      const ids = answers.map((answer) => answer.json<AccountView>().id)

      const doomed = await stack.startSigner()
      await waitUntilPartWay(stack, ACCOUNT_DERIVE_QUEUE, ids)
      doomed.kill('SIGKILL')
      await doomed.exited
      const atKill = await progress(stack, ACCOUNT_DERIVE_QUEUE, ids)
      expect(atKill.ready).toBeLessThan(ids.length)

      await stack.startSigner()
      await waitUntilReady(stack, ACCOUNT_DERIVE_QUEUE, ids, RECOVERY_MS)

      await expectAccounts(stack, wallet.id, 120)
      for (const count of doneCounts(stack, ids)) {
        expect(count).toBeLessThanOrEqual(1)
      }
      expect(await expectNoPlaintextSecrets(stack)).toBe(1)
    },
    TEST_MS,
  )

  it(
    'a signer sent SIGTERM: it finishes the work in hand, exits 0',
    async (context) => {
      const stack = await stackFor(context)
      const user = await stack.signIn()
      const ids = await times(60, () => createWallet(stack, user))

      const signer = await stack.startSigner()
      const inHand = await waitUntilPartWay(stack, WALLET_CREATE_QUEUE, ids)
      expect(inHand.length).toBeGreaterThan(0)
      signer.kill('SIGTERM')

      expect(await signer.exited).toEqual({ code: 0, signal: null })
      expect(signer.output()).toContain('signer stopped')
      const finished = await progress(stack, WALLET_CREATE_QUEUE, inHand)
      expect(finished.ready).toBe(inHand.length)

      await stack.startSigner()
      await waitUntilReady(stack, WALLET_CREATE_QUEUE, ids)

      await expectOneSeedEach(stack, ids)
      // No signer died, so every seed that was kept was logged once.
      expect(doneCounts(stack, ids)).toEqual(ids.map(() => 1))
      expect(await expectNoPlaintextSecrets(stack)).toBe(ids.length)
    },
    TEST_MS,
  )

  // A job that takes its signer down (say, out of memory) every time is
  // failed by BullMQ after maxStalledCount (2) recoveries, without the
  // signer's failure handling ever running. The row is still pending, so
  // the reconciler must see to it; announcing it under the same job id is
  // not enough, since BullMQ ignores a job id it still holds as failed.
  // The reconciler marks such a row failed and removes the failed job.
  it(
    'a signer killed three times on one wallet: it does not stay pending',
    async (context) => {
      const stack = await stackFor(context)
      const user = await stack.signIn()
      const id = await createWallet(stack, user)
      const jobKey = `${queuePrefix(stack.redisPrefix)}:${WALLET_CREATE_QUEUE}`
      const lockKey = `${jobKey}:${id}:lock`

      // While the test holds the wallet's row, a signer that takes the job
      // cannot finish it: the job stays in hand until the signer dies.
      const row = await stack.t.database.sql.reserve()
      try {
        await row`begin`
        await row`select id from wallets where id = ${id} for update`
        let holder: string | null = null
        for (let death = 1; death <= 3; death++) {
          const signer = await stack.startSigner()
          holder = await waitFor(
            async () => {
              const token = await stack.redis.get(lockKey)
              return token !== holder && token
            },
            { message: `signer ${death} to take the job` },
          )
          signer.kill('SIGKILL')
          await signer.exited
          await lapse(stack.redis, jobKey, id)
        }
        await stack.startSigner()
        await waitFor(
          async () =>
            (await stack.redis.zscore(`${jobKey}:failed`, id)) !== null,
          { message: 'BullMQ to fail the job that stalled too often' },
        )
      } finally {
        await row`rollback`
        row.release()
      }

      const settled = await waitFor(
        async () => {
          const [wallet] = await stack.t.database.sql<
            { status: string; errorCode: string | null }[]
          >`select status, error_code as "errorCode" from wallets
            where id = ${id}`
          return wallet?.status !== 'pending' && wallet
        },
        { timeoutMs: 8000, message: 'the wallet to leave pending' },
      ).catch(() => undefined)

      expect(settled, 'wallet stuck pending behind a failed job').toEqual({
        status: 'failed',
        errorCode: 'SIGNER_CRASHED',
      })
      expect(await stack.redis.zscore(`${jobKey}:failed`, id)).toBeNull()
      // Nothing was sealed, but a signer that died holding the master key
      // must not have printed it.
      expect(await expectNoPlaintextSecrets(stack)).toBe(0)
    },
    TEST_MS,
  )

  it(
    'every Redis key of the deployment deleted: all work done once',
    async (context) => {
      const stack = await stackFor(context)

      // Deleting every key under the deployment's prefix is what FLUSHALL
      // does to this deployment, without wiping the keys of other test
      // files and runs that share the Redis server.
      await survivesLostRedis(stack, async () => {
        const deleted = await deleteKeysUnder(stack.redis, stack.redisPrefix)
        expect(deleted).toBeGreaterThan(0)
        // Only the queues: the API adds its rate-limit counts to Redis in
        // batches, and one may land just after the deletion.
        const queues = queuePrefix(stack.redisPrefix)
        expect(await keysUnder(stack.redis, queues)).toEqual([])
      })
    },
    TEST_MS,
  )

  // FLUSHALL on the shared server would wipe other files' and runs' keys
  // (rate limits, queues); it is safe only on a server of the test's own.
  it.skipIf(!canStartRedis())(
    'Redis flushed with FLUSHALL: all work done once',
    async (context) => {
      const redis = await startPrivateRedis()
      // Finished hooks run last first: the stack closes, then its server.
      context.onTestFinished(() => redis.stop())
      const stack = await stackFor(context, { redisUrl: redis.url })

      await survivesLostRedis(stack, async () => {
        // Not dbsize: a rate-limit count the API adds in a batch may land
        // just after; survivesLostRedis checks that the jobs are gone.
        expect(await stack.redis.flushall()).toBe('OK')
      })
    },
    TEST_MS,
  )
})
