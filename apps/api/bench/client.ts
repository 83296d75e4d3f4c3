import { Agent, request as httpRequest } from 'node:http'

import postgres from 'postgres'

/** A minimal client of the benchmark's API, authenticated by one header. */
export interface ApiClient {
  url: string
  authorization: string
  request<T>(method: string, path: string, body?: unknown): Promise<T>
}

export function apiClient(url: string, credential: string): ApiClient {
  const authorization = `Bearer ${credential}`
  // node:http with kept-alive sockets: fetch costs this process enough CPU
  // per request to hold back the very load it is meant to create.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  return {
    url,
    authorization,
    async request<T>(method: string, path: string, body?: unknown) {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const { status, text } = await send(agent, `${url}${path}`, {
        method,
        headers: {
          authorization,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(payload)),
          }),
        },
        payload,
      })
      if (status < 200 || status >= 300) {
        throw new Error(`${method} ${path}: ${status} ${text}`)
      }
      return JSON.parse(text) as T
    },
  }
}

function send(
  agent: Agent,
  url: string,
  options: {
    method: string
    headers: Record<string, string>
    payload: string | undefined
  },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      { agent, method: options.method, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(options.payload)
  })
}

/**
 * Runs `task` for every index below `count`, `concurrency` at a time, and
 * returns the results in index order.
 */
export async function pool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count)
  let next = 0
  async function lane(): Promise<void> {
    while (next < count) {
      const index = next
      next += 1
      results[index] = await task(index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane))
  return results
}

/**
 * Read access to the benchmark's database, so that waiting for work to
 * finish puts no load on the API being measured.
 */
export type BenchDatabase = postgres.Sql

export function connectBenchDatabase(url: string): BenchDatabase {
  return postgres(url, { max: 2, onnotice: () => {} })
}

/** Polls `count()` until it reaches `target`, or throws after `timeoutMs`. */
export async function waitUntil(
  what: string,
  count: () => Promise<number>,
  target: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const done = await count()
    if (done >= target) return
    if (Date.now() > deadline) {
      throw new Error(`${what}: ${done} of ${target} after ${timeoutMs} ms`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
