import type { Queue } from 'bullmq'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'

import { isJobResult } from '../../shared/queues.js'
import type { WorkQueue } from '../work-queue.js'

const JOB_STATES = [
  'waiting',
  'active',
  'failed',
  'delayed',
  'completed',
] as const

/**
 * How long a scrape waits for Redis. Past it the queue gauges are left out
 * of the answer, which still comes in time: a scrape that hangs or fails
 * would lose the process metrics too.
 */
const COUNT_TIMEOUT_MS = 500

const CLOSE_TIMEOUT_MS = 1000

/** `custos_queue_jobs{queue, state}`, read from Redis at each scrape. */
export function observeQueues(registry: Registry, queues: Queue[]): void {
  new Gauge({
    name: 'custos_queue_jobs',
    help: 'Jobs in each queue by state, counted when scraped',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await Promise.all(
        queues.map((queue) =>
          withTimeout(queue.getJobCounts(...JOB_STATES), COUNT_TIMEOUT_MS),
        ),
      )
      // Stale numbers would look current: a queue that could not be
      // counted is left out.
      this.reset()
      queues.forEach((queue, index) => {
        const byState = counts[index]
        if (!byState) return
        for (const state of JOB_STATES) {
          this.set({ queue: queue.name, state }, byState[state] ?? 0)
        }
      })
    },
  })
}

/**
 * Job durations and final failures, from BullMQ's event stream in Redis.
 * Every API instance hears the jobs of the whole cluster, not only those
 * it enqueued, so each instance reports the same cluster-wide series: do
 * not add them up across instances. Returns what closes the listeners.
 */
export function observeJobs(
  registry: Registry,
  workQueue: WorkQueue,
): () => Promise<void> {
  const duration = new Histogram({
    name: 'custos_job_duration_seconds',
    help: 'Time signers spent on finished jobs, as each job reports it',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  })
  const failed = new Counter({
    name: 'custos_jobs_failed_total',
    help: 'Jobs that failed for good: retries exhausted or a permanent error',
    labelNames: ['queue'] as const,
    registers: [registry],
  })

  const listeners = workQueue.openEvents()
  for (const events of listeners) {
    const queue = events.name
    // BullMQ types the return value as a string; it arrives parsed.
    events.on('completed', ({ returnvalue }: { returnvalue: unknown }) => {
      if (!isJobResult(returnvalue)) return
      const { outcome, durationMs } = returnvalue
      duration.observe({ queue, outcome }, durationMs / 1000)
    })
    // Sent once per job, when no retry is left; not at every attempt.
    events.on('failed', () => failed.inc({ queue }))
  }

  // QueueEvents.close() first waits for a connection, which never comes
  // while Redis is away; the wait is bounded so that shutdown is not.
  return async () => {
    await Promise.all(
      listeners.map((events) => withTimeout(events.close(), CLOSE_TIMEOUT_MS)),
    )
  }
}

/** The promise's value, or undefined when it fails or takes too long. */
async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  try {
    return await Promise.race([promise.catch(() => undefined), timeout])
  } finally {
    clearTimeout(timer)
  }
}
