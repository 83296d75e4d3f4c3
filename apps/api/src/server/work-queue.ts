import { Queue, QueueEvents } from 'bullmq'
import type { FastifyBaseLogger } from 'fastify'

import {
  ACCOUNT_DERIVE_QUEUE,
  jobOptions,
  queueConnection,
  queuePrefix,
  QUEUE_NAMES,
  WALLET_CREATE_QUEUE,
  type AccountJob,
  type WalletJob,
} from '../shared/queues.js'

/**
 * The API's side of the queues: it only announces work whose row is
 * already committed. An announcement that fails is logged, not raised:
 * the signers' reconciler finds every pending row on its own.
 */
export interface WorkQueue {
  announceWallet(walletId: string, log: FastifyBaseLogger): Promise<void>
  announceAccount(accountId: string, log: FastifyBaseLogger): Promise<void>
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
    queues: [walletQueue, accountQueue],
    openEvents: () =>
      QUEUE_NAMES.map((name) => {
        // A listener waits for events anyway, so it keeps the default
        // connection, which holds commands while Redis is away.
        const events = new QueueEvents(name, {
          prefix,
          connection: queueConnection(redisUrl),
        })
        events.on('error', () => {}) // as for the queues: see /readyz
        return events
      }),
    close: async () => {
      await Promise.allSettled([walletQueue.close(), accountQueue.close()])
    },
  }
}
