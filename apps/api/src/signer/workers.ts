import { Worker, UnrecoverableError, type Job } from 'bullmq'
import type { Logger } from 'pino'

import type { ChainRegistry } from '../shared/chain-registry.js'
import type { Database } from '../shared/db/client.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  ACCOUNT_SIGN_QUEUE,
  accountIdsOf,
  isAccountJob,
  isSignJob,
  isTransactionJob,
  isWalletJob,
  queueConnection,
  queuePrefix,
  TRANSACTION_SEND_QUEUE,
  WALLET_CREATE_QUEUE,
  type JobResult,
} from '../shared/queues.js'
import type { MasterKey } from './custody/envelope.js'
import { createWallet } from './jobs/create-wallet.js'
import { deriveAccounts } from './jobs/derive-account.js'
import { markAccountsFailed, markWalletFailed } from './jobs/mark-failed.js'
import { sign } from './jobs/sign.js'
import {
  markTransactionFailed,
  sendTransaction,
} from './jobs/send-transaction.js'
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

/** What a job returns: its time, and for durable work what was done. */
type Finished = { durationMs: number; outcome?: JobResult['outcome'] }
type Handler = (job: Job) => Promise<Finished>
type MarkFailed = (job: Job, code: string, permanent: boolean) => Promise<void>

/** Starts one worker per queue. */
export function startWorkers(deps: WorkerDeps): Worker[] {
  const { db, masterKey } = deps
  return [
    startWorker(
      deps,
      WALLET_CREATE_QUEUE,
      (job) => {
        if (!isWalletJob(job.data)) throw new PermanentJobError('INVALID_JOB')
        return createWallet({ db, masterKey }, job.data.walletId)
      },
      (job, code) =>
        isWalletJob(job.data)
          ? markWalletFailed(db, job.data.walletId, code)
          : Promise.resolve(),
    ),
    startWorker(
      deps,
      ACCOUNT_DERIVE_QUEUE,
      (job) => {
        if (!isAccountJob(job.data)) throw new PermanentJobError('INVALID_JOB')
        return deriveAccounts({ db, masterKey }, accountIdsOf(job.data))
      },
      (job, code) =>
        isAccountJob(job.data)
          ? markAccountsFailed(db, accountIdsOf(job.data), code)
          : Promise.resolve(),
    ),
    // Sign jobs have no row to mark failed: their caller hears of it.
    startWorker(deps, ACCOUNT_SIGN_QUEUE, (job) => {
      if (!isSignJob(job.data)) throw new PermanentJobError('INVALID_JOB')
      return sign({ db, masterKey }, job.data)
    }),
  ]
}

/**
 * The worker of `transaction.send`, started once the chains are known.
 * Only a permanent failure marks a transaction failed: one that fails for
 * now (node down) stays queued, because its nonce is taken and must be
 * used, and the reconciler announces it again.
 */
export function startTransactionWorker(
  deps: WorkerDeps,
  chains: ChainRegistry,
): Worker {
  const { db, masterKey } = deps
  return startWorker(
    deps,
    TRANSACTION_SEND_QUEUE,
    (job) => {
      if (!isTransactionJob(job.data)) {
        throw new PermanentJobError('INVALID_JOB')
      }
      const log = deps.log.child({ queue: job.queueName, jobId: job.id })
      const { transactionId } = job.data
      return sendTransaction({ db, masterKey, chains, log }, transactionId)
    },
    async (job, code, permanent) => {
      if (permanent && isTransactionJob(job.data)) {
        await markTransactionFailed(db, job.data.transactionId, code)
      }
    },
  )
}

function startWorker(
  deps: WorkerDeps,
  queue: string,
  handle: Handler,
  markFailed?: MarkFailed,
): Worker {
  const worker = new Worker<unknown, Finished>(
    queue,
    async (job) => {
      const log = deps.log.child({ queue, jobId: job.id })
      try {
        const result = await handle(job)
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
    deps.log.warn({ queue, error: errorSummary(error) }, 'worker error'),
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
  markFailed: MarkFailed | undefined,
  log: Logger,
): Promise<void> {
  const permanent = error instanceof UnrecoverableError
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
  log.warn(
    { error: errorSummary(error), attempt: job.attemptsMade + 1, permanent },
    'job failed',
  )
  if (markFailed && (permanent || lastAttempt)) {
    await markFailed(job, failureCode(error), permanent).catch(
      (markError: unknown) =>
        log.error(
          { error: errorSummary(markError) },
          'could not mark row failed',
        ),
    )
  }
}
