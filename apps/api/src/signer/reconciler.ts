import { Queue } from 'bullmq'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Logger } from 'pino'

import type { Database } from '../shared/db/client.js'
import { accounts, idempotencyKeys, wallets } from '../shared/db/schema.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  jobOptions,
  queueConnection,
  queuePrefix,
  WALLET_CREATE_QUEUE,
} from '../shared/queues.js'
import { errorSummary } from './jobs/job-error.js'

export interface ReconcilerDeps {
  db: Database
  redisUrl: string
  redisPrefix: string
  intervalMs: number
  log: Logger
}

const BATCH = 1000
const IDEMPOTENCY_KEY_LIFETIME = sql`interval '24 hours'`

/**
 * PostgreSQL is the source of truth: every pending row is work to do. This
 * announces all of it again at start-up and then every `intervalMs`, so work
 * survives a lost enqueue, a flushed Redis or a killed signer. The job id
 * is the row id, so work already queued or running is not doubled.
 */
export function startReconciler(deps: ReconcilerDeps): {
  stop(): Promise<void>
} {
  const options = {
    prefix: queuePrefix(deps.redisPrefix),
    connection: queueConnection(deps.redisUrl, { maxRetriesPerRequest: 1 }),
    defaultJobOptions: jobOptions,
  }
  const walletQueue = new Queue(WALLET_CREATE_QUEUE, options)
  const accountQueue = new Queue(ACCOUNT_DERIVE_QUEUE, options)
  for (const queue of [walletQueue, accountQueue]) queue.on('error', () => {})
  let running: Promise<void> | undefined

  async function pass(): Promise<void> {
    const pendingWallets = await deps.db
      .select({ id: wallets.id })
      .from(wallets)
      .where(eq(wallets.status, 'pending'))
      .limit(BATCH)
    const pendingAccounts = await deps.db
      .select({ id: accounts.id })
      .from(accounts)
      .innerJoin(wallets, eq(wallets.id, accounts.walletId))
      .where(and(eq(accounts.status, 'pending'), eq(wallets.status, 'ready')))
      .limit(BATCH)

    await walletQueue.addBulk(
      pendingWallets.map(({ id }) => ({
        name: WALLET_CREATE_QUEUE,
        data: { walletId: id },
        opts: { jobId: id },
      })),
    )
    await accountQueue.addBulk(
      pendingAccounts.map(({ id }) => ({
        name: ACCOUNT_DERIVE_QUEUE,
        data: { accountId: id },
        opts: { jobId: id },
      })),
    )
    await deps.db
      .delete(idempotencyKeys)
      .where(
        lt(idempotencyKeys.createdAt, sql`now() - ${IDEMPOTENCY_KEY_LIFETIME}`),
      )
    if (pendingWallets.length + pendingAccounts.length > 0) {
      deps.log.info(
        { wallets: pendingWallets.length, accounts: pendingAccounts.length },
        'pending work announced',
      )
    }
  }

  function tick(): void {
    // A slow pass (Redis or PostgreSQL away) is never run twice at once.
    running ??= pass()
      .catch((error: unknown) =>
        deps.log.warn({ err: errorSummary(error) }, 'reconcile failed'),
      )
      .finally(() => (running = undefined))
  }

  tick()
  const timer = setInterval(tick, deps.intervalMs)
  return {
    async stop() {
      clearInterval(timer)
      await running
      await Promise.allSettled([walletQueue.close(), accountQueue.close()])
    },
  }
}
