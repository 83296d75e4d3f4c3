import type { QueueEvents } from 'bullmq'

/** How a job the API waits for ended, as its queue's events told. */
export type JobEnd =
  | { kind: 'completed'; value: unknown }
  | { kind: 'failed'; reason: string }
  | { kind: 'timed-out' }

export interface JobEndWait {
  ended: Promise<JobEnd>
  /** Stops waiting, as when the job could not be added. */
  cancel(): void
}

type Settle = (end: JobEnd) => void

const waitersOf = new WeakMap<QueueEvents, Map<string, Settle>>()

/**
 * Waits for the end of the job `jobId`, heard on `events`. Register the
 * wait before adding the job: `events` must be reading from an event older
 * than the job (see lazyListener), so its end cannot be missed, and no
 * lookup of the job in Redis is needed. One pair of listeners per
 * QueueEvents serves every wait, where BullMQ's `waitUntilFinished` adds
 * two listeners and a Redis script per job.
 */
export function waitForJobEnd(
  events: QueueEvents,
  jobId: string,
  timeoutMs: number,
): JobEndWait {
  const waiters = waitersFor(events)
  let timer: NodeJS.Timeout | undefined
  const ended = new Promise<JobEnd>((resolve) => {
    const settle: Settle = (end) => {
      clearTimeout(timer)
      waiters.delete(jobId)
      resolve(end)
    }
    waiters.set(jobId, settle)
    timer = setTimeout(() => settle({ kind: 'timed-out' }), timeoutMs)
  })
  return {
    ended,
    cancel() {
      clearTimeout(timer)
      waiters.delete(jobId)
    },
  }
}

function waitersFor(events: QueueEvents): Map<string, Settle> {
  const known = waitersOf.get(events)
  if (known) return known
  const waiters = new Map<string, Settle>()
  // BullMQ types the return value as a string; it arrives parsed.
  events.on(
    'completed',
    ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) =>
      waiters.get(jobId)?.({ kind: 'completed', value: returnvalue }),
  )
  events.on('failed', ({ jobId, failedReason }) =>
    waiters.get(jobId)?.({ kind: 'failed', reason: failedReason }),
  )
  waitersOf.set(events, waiters)
  return waiters
}
