import { Queue, QueueEvents } from 'bullmq'
import type { FastifyBaseLogger } from 'fastify'

import {
  ACCOUNT_DERIVE_QUEUE,
  ACCOUNT_SIGN_QUEUE,
  accountBatchJobId,
  jobOptions,
  queueConnection,
  queuePrefix,
  QUEUE_NAMES,
  TRANSACTION_SEND_QUEUE,
  WALLET_CREATE_QUEUE,
  type AccountJob,
  type SignJob,
  type SignResult,
  type WalletJob,
} from '../shared/queues.js'
import { openSignQueue, type SignOptions } from './sign-queue.js'
import { openTransactionQueue, type SendOptions } from './transaction-queue.js'

/**
 * The API's side of the queues: it only announces work whose row is
 * already committed. An announcement that fails is logged, not raised:
 * the signers' reconciler finds every pending row on its own.
 */
export interface WorkQueue {
  announceWallet(walletId: string, log: FastifyBaseLogger): Promise<void>
  announceAccount(accountId: string, log: FastifyBaseLogger): Promise<void>
  /** Announces one wallet's accounts as one job. */
  announceAccounts(accountIds: string[], log: FastifyBaseLogger): Promise<void>
  /** Asks a signer for a signature and waits for it; see sign-queue.ts. */
  sign(job: SignJob, options: SignOptions): Promise<SignResult>
  /** Announces a recorded transaction; see transaction-queue.ts. */
  sendTransaction(transactionId: string, options: SendOptions): Promise<void>
  queues: Queue[]
  /**
   * Opens a listener of each queue's job events, on the same Redis and
   * prefix as the queues. The caller closes them.
   */
  openEvents(): QueueEvents[]
  close(): Promise<void>
}

export function openWorkQueue(
  redisUrl: string,
  redisPrefix: string,
): WorkQueue {
  const prefix = queuePrefix(redisPrefix)
  const options = {
    prefix,
    // Fail fast while Redis is away instead of holding the request.
    connection: queueConnection(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    }),
    defaultJobOptions: jobOptions,
  }
  const walletQueue = new Queue<WalletJob>(WALLET_CREATE_QUEUE, options)
  const accountQueue = new Queue<AccountJob>(ACCOUNT_DERIVE_QUEUE, options)
  for (const queue of [walletQueue, accountQueue]) {
    // Connection errors are reported by /readyz; without a listener they
    // would crash the process.
    queue.on('error', () => {})
  }
  const signQueue = openSignQueue(options, (from) =>
    listen(ACCOUNT_SIGN_QUEUE, from),
  )
  const transactionQueue = openTransactionQueue(options, (from) =>
    listen(TRANSACTION_SEND_QUEUE, from),
  )

  /** A listener of the events after `lastEventId`, or from now on. */
  function listen(name: string, lastEventId?: string): QueueEvents {
    // A listener waits for events anyway, so it keeps the default
    // connection, which holds commands while Redis is away.
    const events = new QueueEvents(name, {
      prefix,
      connection: queueConnection(redisUrl),
      ...(lastEventId && { lastEventId }),
    })
    events.on('error', () => {}) // as for the queues: see /readyz
    return events
  }

  async function announce(
    queue: Queue,
    data: WalletJob | AccountJob,
    jobId: string,
    log: FastifyBaseLogger,
  ): Promise<void> {
    try {
      await queue.add(queue.name, data, { jobId })
    } catch (error) {
      log.warn(
        { err: error, queue: queue.name, jobId },
        'enqueue failed; the reconciler will retry',
      )
    }
  }

  return {
    announceWallet: (walletId, log) =>
      announce(walletQueue, { walletId }, walletId, log),
    announceAccount: (accountId, log) =>
      announce(accountQueue, { accountId }, accountId, log),
    announceAccounts: (accountIds, log) =>
      announce(
        accountQueue,
        { accountIds },
        accountBatchJobId(accountIds),
        log,
      ),
    sign: signQueue.sign,
    sendTransaction: transactionQueue.send,
    queues: [
      walletQueue,
      accountQueue,
      signQueue.queue,
      transactionQueue.queue,
    ],
    openEvents: () => QUEUE_NAMES.map((name) => listen(name)),
    close: async () => {
      await Promise.allSettled([
        walletQueue.close(),
        accountQueue.close(),
        signQueue.close(),
        transactionQueue.close(),
      ])
    },
  }
}
