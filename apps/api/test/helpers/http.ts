import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** True for a request id the server made up itself. */
export function isGeneratedRequestId(id: unknown): boolean {
  return typeof id === 'string' && UUID.test(id)
}

/**
 * Asserts an error answer: its status, its stable code, and the
 * `{ error: { code, message } }` shape with nothing else beside it.
 */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: string,
): void {
  expect(response.statusCode).toBe(status)
  expect(response.json<ErrorBody>()).toEqual({
    error: { code, message: expect.stringMatching(/\S/) as string },
  })
}
