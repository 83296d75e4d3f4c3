import { Queue, type QueueEvents, type QueueOptions } from 'bullmq'
import type { FastifyBaseLogger } from 'fastify'

import {
  TRANSACTION_SEND_QUEUE,
  transactionJobOptions,
  type TransactionJob,
} from '../shared/queues.js'
import { waitForJobEnd, type JobEndWait } from './job-ends.js'
import { lazyListener } from './queue-listener.js'

export interface SendOptions {
  /** How long to wait for a signer to broadcast; 0 does not wait. */
  waitMs: number
  log: FastifyBaseLogger
}

export interface TransactionQueue {
  queue: Queue
  /**
   * Announces a recorded transaction, then waits at most `waitMs` until a
   * signer has finished its job: broadcast it, or given up for now. Never
   * throws: the row is durable and the reconciler announces it again, so
   * the caller answers with whatever the row says by then.
   */
  send: (transactionId: string, options: SendOptions) => Promise<void>
  close(): Promise<void>
}

const CLOSE_TIMEOUT_MS = 1000

/**
 * The API's side of `transaction.send`: as for signing, one listener of
 * the queue's events, from `lazyListener`, serves every waiting request of
 * the process.
 */
export function openTransactionQueue(
  options: QueueOptions,
  listen: (lastEventId: string) => QueueEvents,
): TransactionQueue {
  const queue = new Queue<TransactionJob>(TRANSACTION_SEND_QUEUE, options)
  queue.on('error', () => {}) // reported by /readyz, as for the other queues
  // Each waiting request listens for the queue closing; many at once are
  // expected, not a leak.
  queue.setMaxListeners(0)
  const listener = lazyListener(queue, listen)

  async function send(transactionId: string, { waitMs, log }: SendOptions) {
    const context = { queue: TRANSACTION_SEND_QUEUE, jobId: transactionId }
    let wait: JobEndWait | undefined
    try {
      if (waitMs > 0) {
        wait = waitForJobEnd(await listener.get(), transactionId, waitMs)
      }
      await queue.add(
        TRANSACTION_SEND_QUEUE,
        { transactionId },
        { jobId: transactionId, ...transactionJobOptions },
      )
    } catch (error) {
      wait?.cancel()
      log.warn(
        { err: error, ...context },
        'enqueue failed; the reconciler will retry',
      )
      return
    }
    // A job that fails for now, or outlasts the wait, is no error here:
    // the answer shows the transaction still queued.
    await wait?.ended
  }

  return {
    queue,
    send,
    async close() {
      // QueueEvents.close() first waits for a connection, which never comes
      // while Redis is away: shutdown does not wait for it.
      const closing = listener.opened()?.then((events) => events.close())
      await Promise.allSettled([
        queue.close(),
        Promise.race([closing, delay(CLOSE_TIMEOUT_MS)]),
      ])
    },
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
