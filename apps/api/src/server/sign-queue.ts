import { randomUUID } from 'node:crypto'

import { Queue, type QueueEvents, type QueueOptions } from 'bullmq'
import type { FastifyBaseLogger } from 'fastify'

import { AppError } from '../shared/errors.js'
import {
  ACCOUNT_SIGN_QUEUE,
  isSignResult,
  signJobOptions,
  type SignJob,
  type SignResult,
} from '../shared/queues.js'
import { waitForJobEnd, type JobEndWait } from './job-ends.js'
import { lazyListener } from './queue-listener.js'

export interface SignOptions {
  /** How long to wait for a signer's answer. */
  timeoutMs: number
  log: FastifyBaseLogger
}

export interface SignQueue {
  queue: Queue
  /**
   * Queues a sign job and waits for a signer's answer. Throws AppError:
   * SERVICE_UNAVAILABLE when Redis refuses the job, SIGNER_UNAVAILABLE when
   * no signer answers in time, ACCOUNT_NOT_READY or INTERNAL_ERROR when the
   * signer fails it.
   */
  sign: (job: SignJob, options: SignOptions) => Promise<SignResult>
  close(): Promise<void>
}

const CODE = /^[A-Z][A-Z_]*$/
const ENQUEUE_TIMEOUT_MS = 1000
const CLOSE_TIMEOUT_MS = 1000

/**
 * The API's side of `account.sign`: one listener of the queue's events,
 * from `lazyListener`, serves every waiting request of the process.
 */
export function openSignQueue(
  options: QueueOptions,
  listen: (lastEventId: string) => QueueEvents,
): SignQueue {
  const queue = new Queue<SignJob>(ACCOUNT_SIGN_QUEUE, {
    ...options,
    defaultJobOptions: signJobOptions,
  })
  queue.on('error', () => {}) // reported by /readyz, as for the other queues
  const listener = lazyListener(queue, listen)

  /**
   * Adds a sign job and starts waiting for its end; `timeoutMs` counts
   * from now. Throws SERVICE_UNAVAILABLE when Redis does not take it.
   */
  async function enqueue(data: SignJob, timeoutMs: number) {
    const jobId = randomUUID()
    let wait: JobEndWait | undefined
    const adding = listener.get().then(async (events) => {
      const waiting = waitForJobEnd(events, jobId, timeoutMs)
      wait = waiting
      const job = await queue.add(ACCOUNT_SIGN_QUEUE, data, { jobId })
      return { job, ended: waiting.ended }
    })
    try {
      // Without an offline queue a lost connection fails at once, but
      // BullMQ waits for a first connection however long it takes.
      return await within(adding, ENQUEUE_TIMEOUT_MS)
    } catch (error) {
      wait?.cancel()
      // Added after all once Redis is back: nobody waits for it any more.
      adding.then(({ job }) => job.remove()).catch(() => {})
      throw new AppError('SERVICE_UNAVAILABLE', undefined, { cause: error })
    }
  }

  async function sign(data: SignJob, { timeoutMs, log }: SignOptions) {
    const { job, ended } = await enqueue(data, timeoutMs)
    const context = { queue: ACCOUNT_SIGN_QUEUE, jobId: job.id }

    const end = await ended
    if (end.kind === 'failed') throw failure(end.reason, context, log)
    if (end.kind === 'timed-out') {
      // Nobody waits for it any more: a signer that comes later must not
      // sign for no one. A job already running cannot be removed, and
      // finishes unheard.
      await job.remove().catch(() => {})
      log.warn(context, 'no signer answered in time')
      throw new AppError('SIGNER_UNAVAILABLE')
    }
    if (isSignResult(end.value)) return end.value
    log.error(context, 'sign job returned something else than a signature')
    throw new AppError('INTERNAL_ERROR')
  }

  return {
    queue,
    sign,
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

/** The failure a signer reported, as the HTTP answer to give. */
function failure(
  reason: string,
  context: Record<string, unknown>,
  log: FastifyBaseLogger,
): AppError {
  if (reason === 'ACCOUNT_NOT_READY') return new AppError('ACCOUNT_NOT_READY')
  // Signer failures are codes; anything else is logged by the signer and
  // left out here, where it could echo the caller's data.
  const code = CODE.test(reason) ? reason : 'SIGNER_ERROR'
  log.error({ ...context, code }, 'sign job failed')
  return new AppError('INTERNAL_ERROR')
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

/** The promise's value, or a rejection once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
