import {
  BaseError,
  ExecutionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  RpcError,
  RpcRequestError,
  TimeoutError,
} from 'viem'

import { AppError } from './errors.js'

/**
 * The one place where a node's errors become ours: AppErrors for what the
 * API reads and estimates, and verdicts for what a signer broadcasts.
 */

/**
 * A failed read or estimate as an API error. A node that could not be
 * reached or did not answer in time is NODE_UNAVAILABLE, which callers may
 * retry; a revert or a balance too small for the value are the caller's to
 * fix; the rest is unexpected and stays a 500.
 */
export function translateNodeError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (isUnreachable(error)) {
    return new AppError('NODE_UNAVAILABLE', undefined, { cause: error })
  }
  if (hasCause(error, ExecutionRevertedError)) {
    return new AppError('TRANSACTION_WOULD_REVERT', undefined, { cause: error })
  }
  if (hasCause(error, InsufficientFundsError)) {
    return new AppError('INSUFFICIENT_FUNDS', undefined, { cause: error })
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

/** Why a node refused a signed transaction for good; see docs/errors.md. */
export type RejectionCode =
  | 'INSUFFICIENT_FUNDS'
  | 'GAS_TOO_LOW'
  | 'GAS_LIMIT_TOO_HIGH'
  | 'TRANSACTION_REJECTED'

/** What a node's refusal of eth_sendRawTransaction means for the sender. */
export type BroadcastRefusal =
  /** This very transaction is in the node's pool already. */
  | { kind: 'known' }
  /** A transaction with this nonce has been mined: ours or not. */
  | { kind: 'nonce-used' }
  /** One with this nonce is pending and pays as much: an earlier attempt. */
  | { kind: 'underpriced' }
  /** Its fees are below the base fee or the pool's minimum: sign anew. */
  | { kind: 'fee-too-low' }
  /** The node is down, slow, busy or full: send the same again later. */
  | { kind: 'retry' }
  /** The node will never take it as it is. */
  | { kind: 'rejected'; code: RejectionCode }

// Node messages differ between clients (geth, Nethermind, Erigon, Besu,
// Anvil); the order matters, as "underpriced" alone means fee-too-low.
const REFUSALS: [RegExp, BroadcastRefusal][] = [
  [/already known|already imported|known transaction/, { kind: 'known' }],
  [
    /nonce too low|nonce has already been used|oldnonce/,
    { kind: 'nonce-used' },
  ],
  [
    /replacement (transaction )?underpriced|replacement fee too low|replacementnotallowed/,
    { kind: 'underpriced' },
  ],
  [
    /less than (the )?block base fee|fee cap less than|underpriced|feetoolow|gas price too low|transaction is outdated/,
    { kind: 'fee-too-low' },
  ],
  [
    /pool is full|too many|limit exceeded|rate limit|try again|nonce too high|nonce gap|busy/,
    { kind: 'retry' },
  ],
  [
    /insufficient funds|exceeds transaction sender account balance|outoffunds/,
    { kind: 'rejected', code: 'INSUFFICIENT_FUNDS' },
  ],
  [/intrinsic gas too low/, { kind: 'rejected', code: 'GAS_TOO_LOW' }],
  [
    /exceeds block gas limit|gas limit reached|intrinsic gas too high/,
    { kind: 'rejected', code: 'GAS_LIMIT_TOO_HIGH' },
  ],
]

/**
 * Reads a failed eth_sendRawTransaction. A node that answered with an
 * error we do not know has judged this transaction and said no, so that is
 * `rejected`; one that did not answer at all is `retry`.
 */
export function classifyBroadcastError(error: unknown): BroadcastRefusal {
  if (isUnreachable(error) || !(error instanceof BaseError)) {
    return { kind: 'retry' }
  }
  const answer = error.walk((cause) => cause instanceof RpcError)
  if (!(answer instanceof RpcError)) return { kind: 'retry' }

  const message = answer.details.toLowerCase()
  const known = REFUSALS.find(([pattern]) => pattern.test(message))
  if (known) return known[1]
  // -32005 is "limit exceeded": a rate limit, not a verdict on the payload.
  if (answer.code === -32005) return { kind: 'retry' }
  return { kind: 'rejected', code: 'TRANSACTION_REJECTED' }
}

function hasCause(
  error: unknown,
  type: abstract new (...args: never[]) => unknown,
): boolean {
  return (
    error instanceof BaseError &&
    error.walk((cause) => cause instanceof type) !== null
  )
}
