import type { JobResult } from '../../shared/queues.js'

/** A job's result: its outcome and how long it took, nothing else. */
export function finished(
  outcome: JobResult['outcome'],
  started: number,
): JobResult {
  return { outcome, durationMs: performance.now() - started }
}
