import type { LightMyRequestResponse as Response } from 'fastify'
import { expect } from 'vitest'

import { errorCatalog } from '../../src/shared/errors.js'

const CODES = new Set(Object.keys(errorCatalog))

// A stack frame, with or without a function name.
const STACK_FRAME = /\bat (?:\S+ \()?(?:file:|node:|\/)/

/** What a caller must never read in an error: where and how it failed. */
const INTERNALS = [
  STACK_FRAME,
  /[\w/.-]+\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules|\/work\/|\/home\/|\/tmp\//,
  /ECONNREFUSED|ETIMEDOUT|EPIPE/,
  /postgres|syntax error at|violates|relation "|duplicate key/i,
  /ioredis|bullmq|ajv/i,
  /Cannot read propert|is not a function|is not defined|undefined/,
]

/**
 * Checks an answer to a hostile request: no 5xx, an error answered in the
 * one error shape with a documented code, and nothing of the server's
 * insides in it. `foreign` lists what belongs to another user and must
 * not appear at all.
 */
export function expectSafeAnswer(response: Response, foreign: string[]): void {
  expect(response.statusCode, response.body).toBeLessThan(500)
  for (const secret of foreign) expect(response.body).not.toContain(secret)
  if (response.statusCode < 400) {
    expect(response.body).not.toMatch(STACK_FRAME)
    return
  }
  // Only CORS preflights are answered in plain text, by @fastify/cors, and
  // the web UI's paths in HTML: without a build, a page saying so.
  if (isHtml(response)) {
    for (const pattern of INTERNALS) expect(response.body).not.toMatch(pattern)
    return
  }
  if (!isJson(response)) {
    expect(response.body).toBe('Invalid Preflight Request')
    return
  }
  const body = response.json<{ error?: { code?: unknown } }>()
  expect(CODES.has(String(body.error?.code)), response.body).toBe(true)
  for (const pattern of INTERNALS) {
    expect(response.body).not.toMatch(pattern)
  }
}

function isHtml(response: Response): boolean {
  return String(response.headers['content-type']).startsWith('text/html')
}

function isJson(response: Response): boolean {
  return String(response.headers['content-type']).startsWith('application/json')
}
