import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Logger } from 'pino'

import type { Database } from '../shared/db/client.js'
import {
  accounts,
  idempotencyKeys,
  transactions,
  wallets,
} from '../shared/db/schema.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  jobOptions,
  queueConnection,
  queuePrefix,
  TRANSACTION_SEND_QUEUE,
  transactionJobOptions,
  WALLET_CREATE_QUEUE,
} from '../shared/queues.js'
import { errorSummary, failureCodeOf } from './jobs/job-error.js'
import { markAccountsFailed, markWalletFailed } from './jobs/mark-failed.js'
import { runEvery } from './run-every.js'

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
  const transactionQueue = new Queue(TRANSACTION_SEND_QUEUE, options)
  const queues = [walletQueue, accountQueue, transactionQueue]
  for (const queue of queues) queue.on('error', () => {})

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
    const queuedTransactions = await deps.db
      .select({ id: transactions.id })
      .from(transactions)
      .where(eq(transactions.status, 'queued'))
      .limit(BATCH)

    await settleFailedJobs(walletQueue, pendingWallets, (id, code) =>
      markWalletFailed(deps.db, id, code),
    )
    await settleFailedJobs(accountQueue, pendingAccounts, (id, code) =>
      markAccountsFailed(deps.db, [id], code),
    )
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
    await transactionQueue.addBulk(
      queuedTransactions.map(({ id }) => ({
        name: TRANSACTION_SEND_QUEUE,
        data: { transactionId: id },
        opts: { jobId: id, ...transactionJobOptions },
      })),
    )
    await deps.db
      .delete(idempotencyKeys)
      .where(
        lt(idempotencyKeys.createdAt, sql`now() - ${IDEMPOTENCY_KEY_LIFETIME}`),
      )
    const announced = {
      wallets: pendingWallets.length,
      accounts: pendingAccounts.length,
      transactions: queuedTransactions.length,
    }
    if (Object.values(announced).some((count) => count > 0)) {
      deps.log.info(announced, 'pending work announced')
    }
  }

  const passes = runEvery(deps.intervalMs, pass, (error) =>
    deps.log.warn({ error: errorSummary(error) }, 'reconcile failed'),
  )
  return {
    async stop() {
      await passes.stop()
      await Promise.allSettled(queues.map((queue) => queue.close()))
    },
  }
}

/**
 * A pending row whose job has failed for good waits on nothing: the job id
 * is taken until the job is removed, so announcing the row again adds
 * nothing. It happens when BullMQ fails a job itself (it stalled too often:
 * the signer died on it each time) or when recording the failure did not
 * reach PostgreSQL. Such rows are marked failed with the job's reason and
 * the failed job is removed.
 */
async function settleFailedJobs(
  queue: Queue,
  rows: { id: string }[],
  markFailed: (id: string, code: string) => Promise<void>,
): Promise<void> {
  if (rows.length === 0) return
  const ids = rows.map(({ id }) => id)
  // Queues here are always given ioredis connections, whose commands
  // BullMQ's client wrapper passes through.
  const client = (await queue.client) as unknown as Redis
  const scores = await client.zmscore(queue.toKey('failed'), ...ids)
  for (const [i, id] of ids.entries()) {
    if (scores[i] === null) continue
    const job = await queue.getJob(id)
    await markFailed(id, failureCodeOf(job?.failedReason))
    await job?.remove()
  }
}
