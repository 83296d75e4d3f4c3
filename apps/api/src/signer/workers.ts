import { Worker, UnrecoverableError, type Job } from 'bullmq'
import { and, eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'

import type { Database } from '../shared/db/client.js'
import { accounts, wallets } from '../shared/db/schema.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  isAccountJob,
  isWalletJob,
  queueConnection,
  queuePrefix,
  WALLET_CREATE_QUEUE,
  type JobResult,
} from '../shared/queues.js'
import type { MasterKey } from './custody/envelope.js'
import { createWallet } from './jobs/create-wallet.js'
import { deriveAccount } from './jobs/derive-account.js'
import {
  errorSummary,
  failureCode,
  PermanentJobError,
} from './jobs/job-error.js'

export interface WorkerDeps {
  db: Database
  masterKey: MasterKey
  redisUrl: string
  redisPrefix: string
  concurrency: number
  log: Logger
}

type Handler = (
  job: Job,
  progress: (percent: number) => Promise<void>,
) => Promise<JobResult>
type MarkFailed = (job: Job, code: string) => Promise<void>

/** Starts one worker per queue. */
export function startWorkers(deps: WorkerDeps): Worker[] {
  const { db, masterKey } = deps
  return [
    startWorker(
      deps,
      WALLET_CREATE_QUEUE,
      (job, progress) => {
        if (!isWalletJob(job.data)) throw new PermanentJobError('INVALID_JOB')
        return createWallet({ db, masterKey, progress }, job.data.walletId)
      },
      (job, code) => markWalletFailed(db, job, code),
    ),
    startWorker(
      deps,
      ACCOUNT_DERIVE_QUEUE,
      (job, progress) => {
        if (!isAccountJob(job.data)) throw new PermanentJobError('INVALID_JOB')
        return deriveAccount({ db, masterKey, progress }, job.data.accountId)
      },
      (job, code) => markAccountFailed(db, job, code),
    ),
  ]
}

function startWorker(
  deps: WorkerDeps,
  queue: string,
  handle: Handler,
  markFailed: MarkFailed,
): Worker {
  const worker = new Worker<unknown, JobResult>(
    queue,
    async (job) => {
      const log = deps.log.child({ queue, jobId: job.id })
      try {
        const result = await handle(job, (percent) =>
          job.updateProgress(percent),
        )
        log.info({ outcome: result.outcome, ms: result.durationMs }, 'job done')
        return result
      } catch (error) {
        await recordFailure(job, error, markFailed, log)
        throw error
      }
    },
    {
      prefix: queuePrefix(deps.redisPrefix),
      connection: queueConnection(deps.redisUrl, {
        maxRetriesPerRequest: null,
      }),
      concurrency: deps.concurrency,
      // A killed signer's jobs go back to the queue within about 20 s.
      lockDuration: 15_000,
      stalledInterval: 5_000,
      maxStalledCount: 2,
    },
  )
  worker.on('error', (error) =>
    deps.log.warn({ queue, err: errorSummary(error) }, 'worker error'),
  )
  return worker
}

/**
 * On a permanent failure, or the last attempt, the row is marked failed
 * before BullMQ records the job's failure, so the row never waits on a job
 * that will not run again.
 */
async function recordFailure(
  job: Job,
  error: unknown,
  markFailed: MarkFailed,
  log: Logger,
): Promise<void> {
  const permanent = error instanceof UnrecoverableError
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
  log.warn(
    { err: errorSummary(error), attempt: job.attemptsMade + 1, permanent },
    'job failed',
  )
  if (permanent || lastAttempt) {
    await markFailed(job, failureCode(error)).catch((markError: unknown) =>
      log.error({ err: errorSummary(markError) }, 'could not mark row failed'),
    )
  }
}

async function markWalletFailed(db: Database, job: Job, code: string) {
  if (!isWalletJob(job.data)) return
  const { walletId } = job.data
  const failed = {
    status: 'failed' as const,
    errorCode: code,
    updatedAt: sql`now()`,
  }
  await db.transaction(async (tx) => {
    await tx
      .update(wallets)
      .set(failed)
      .where(and(eq(wallets.id, walletId), eq(wallets.status, 'pending')))
    await tx
      .update(accounts)
      .set(failed)
      .where(
        and(eq(accounts.walletId, walletId), eq(accounts.status, 'pending')),
      )
  })
}

async function markAccountFailed(db: Database, job: Job, code: string) {
  if (!isAccountJob(job.data)) return
  await db
    .update(accounts)
    .set({ status: 'failed', errorCode: code, updatedAt: sql`now()` })
    .where(
      and(eq(accounts.id, job.data.accountId), eq(accounts.status, 'pending')),
    )
}
