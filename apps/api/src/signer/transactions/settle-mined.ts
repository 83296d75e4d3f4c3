import type { Logger } from 'pino'
import type { Hash, PublicClient } from 'viem'

import type { Chain } from '../../shared/chains.js'
import type { Database } from '../../shared/db/client.js'
import { attemptsOf, type AttemptRow, type TransactionRow } from './attempts.js'
import { isKnown, receiptOf } from './node-reads.js'
import { isFinal, recordMined, type Mined } from './track.js'

export interface SettleContext {
  db: Database
  chain: Chain
  client: PublicClient
  stuckAfterMs: number
  log: Logger
}

export type OpenTransaction = Pick<TransactionRow, 'id' | 'errorCode'>

/**
 * The tracker's common cases, for many transactions at once and without
 * their row locks: one batch of node reads settles every transaction with
 * an attempt mined deep enough, and passes over those whose latest attempt
 * the node holds and that are not stuck yet. What is left (dropped, stuck,
 * or beaten to its nonce) is returned, for `track` to look at under the
 * row's lock.
 */
export async function settleMined(
  ctx: SettleContext,
  open: OpenTransaction[],
): Promise<OpenTransaction[]> {
  const attempts = await attemptsOf(
    ctx.db,
    open.map((row) => row.id),
  )
  const byTransaction = new Map<string, AttemptRow[]>()
  for (const item of attempts) {
    const own = byTransaction.get(item.transactionId)
    if (own) own.push(item)
    else byTransaction.set(item.transactionId, [item])
  }
  const latest = open.flatMap((row) => byTransaction.get(row.id)?.[0] ?? [])
  const [head, receipts, known] = await Promise.all([
    ctx.client.getBlockNumber({ cacheTime: 0 }),
    Promise.all(attempts.map((item) => receiptOf(ctx.client, hash(item)))),
    Promise.all(latest.map((item) => isKnown(ctx.client, hash(item)))),
  ])
  const receiptByHash = new Map(
    attempts.map((item, index) => [item.hash, receipts[index]]),
  )
  const pending = new Set(
    latest.filter((_, index) => known[index]).map((item) => item.hash),
  )

  const left: OpenTransaction[] = []
  for (const row of open) {
    const own = byTransaction.get(row.id) ?? []
    const mined = minedOf(own, receiptByHash)
    if (mined) {
      if (isFinal(ctx.chain, mined.receipt, head)) {
        const log = ctx.log.child({ transactionId: row.id })
        await recordMined(ctx.db, row, mined, log)
      }
    } else if (!isWaiting(own[0], pending, ctx.stuckAfterMs)) {
      left.push(row)
    }
  }
  return left
}

function minedOf(
  attempts: AttemptRow[],
  receipts: Map<string, Mined['receipt'] | undefined>,
): Mined | undefined {
  for (const attempt of attempts) {
    const receipt = receipts.get(attempt.hash)
    if (receipt) return { attempt, receipt }
  }
  return undefined
}

/** In the node's pool and young: nothing to do but wait for a block. */
function isWaiting(
  latest: AttemptRow | undefined,
  pending: Set<string>,
  stuckAfterMs: number,
): boolean {
  return (
    latest !== undefined &&
    pending.has(latest.hash) &&
    latest.ageMs <= stuckAfterMs
  )
}

function hash(attempt: AttemptRow): Hash {
  return attempt.hash as Hash
}
