import autocannon from 'autocannon'

import type { CpuMeter, CpuUse } from './cpu.js'

/** What a fixed-concurrency load of one request measured. */
export interface LoadResult {
  perSecond: number
  p50Ms: number
  p99Ms: number
  /** Requests answered in the measured part. */
  total: number
  /** CPU used during the measured part, when a meter was given. */
  cpu?: CpuUse
}

export interface LoadOptions {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: unknown
  meter?: CpuMeter
}

/**
 * Runs autocannon, after a short warm-up of the same load that is not
 * counted, and fails on any error or non-2xx answer: a figure made of
 * refusals would measure nothing.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const request = {
    url: options.url,
    connections: options.connections,
    method: options.method ?? 'GET',
    headers: {
      ...options.headers,
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  }
  await autocannon({ ...request, duration: 2 })
  const measured = options.meter?.()
  const result = await autocannon({ ...request, duration: options.seconds })
  const cpu = measured?.()
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${request.method} ${options.url}: ${result.errors} errors, ` +
        `${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`,
    )
  }
  return {
    perSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    ...(cpu && { cpu }),
  }
}
