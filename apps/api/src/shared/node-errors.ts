import {
  BaseError,
  HttpRequestError,
  RpcRequestError,
  TimeoutError,
} from 'viem'

import { AppError } from './errors.js'

/**
 * The one place where a node's errors become ours. Anything that says the
 * node could not be reached or did not answer in time is NODE_UNAVAILABLE,
 * which callers may retry; the rest is unexpected and stays a 500.
 */
export function translateNodeError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (isUnreachable(error)) {
    return new AppError('NODE_UNAVAILABLE', undefined, { cause: error })
  }
  return new AppError('INTERNAL_ERROR', undefined, { cause: error })
}

/** True when the node was down, refused, or timed out. */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false
  return Boolean(
    error.walk(
      (cause) =>
        cause instanceof HttpRequestError ||
        cause instanceof TimeoutError ||
        (cause instanceof RpcRequestError &&
          cause.code === -32603 &&
          /connect|timeout/i.test(cause.details)),
    ),
  )
}
