import { and, eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import {
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
} from 'viem'

import type { Chain } from '../../shared/chains.js'
import type { Database, DbTransaction } from '../../shared/db/client.js'
import { accountNonces, transactions } from '../../shared/db/schema.js'
import { currentFees } from '../../shared/fees.js'
import type { MasterKey } from '../custody/envelope.js'
import {
  feesOf,
  listAttempts,
  recordAttempt,
  signAttempt,
  type Attempt,
  type AttemptRow,
  type TransactionRow,
} from './attempts.js'
import { broadcast, isOut } from './broadcast.js'
import { isKnown, receiptOf } from './node-reads.js'
import { replacementFees } from './signing.js'

export interface TrackContext {
  /** Reads keys; never the tracked row, which `tx` holds locked. */
  db: Database
  tx: DbTransaction
  masterKey: MasterKey
  chain: Chain
  client: PublicClient
  stuckAfterMs: number
  log: Logger
}

export interface Mined {
  attempt: AttemptRow
  receipt: TransactionReceipt
}

/**
 * Moves a submitted transaction on, under its row lock: settles it once an
 * attempt is mined deep enough, fails it if something else used its nonce,
 * broadcasts it again if the node dropped it, and signs a replacement with
 * higher fees if it is stuck. A replacement is returned, not broadcast: it
 * goes out once `tx` has committed it.
 */
export async function track(
  ctx: TrackContext,
  row: TransactionRow,
): Promise<Attempt | undefined> {
  const attempts = await listAttempts(ctx.tx, row.id)
  const latest = attempts[0]
  if (!latest) return undefined // attempts are recorded before submission

  // The count is read before the receipts: if the nonce is used by then
  // and none of our attempts has a receipt afterwards, it was not ours.
  const count = await ctx.client.getTransactionCount({
    address: row.fromAddress as Address,
    blockTag: 'latest',
  })
  const mined = await findMined(ctx.client, attempts)
  if (mined) {
    await settle(ctx, row, mined)
    return undefined
  }
  if (count > row.nonce) {
    await failConflict(ctx, row, count)
    return undefined
  }

  if (!(await anyKnown(ctx.client, attempts))) {
    return rebroadcast(ctx, row, attempts)
  }
  // Only the next nonce in line is replaced: a later one waits for it, and
  // higher fees would not move it.
  const stuck = latest.ageMs > ctx.stuckAfterMs && count === row.nonce
  return stuck ? replace(ctx, row, latest) : undefined
}

async function findMined(
  client: PublicClient,
  attempts: AttemptRow[],
): Promise<Mined | undefined> {
  for (const attempt of attempts) {
    const receipt = await receiptOf(client, attempt.hash as Hash)
    if (receipt) return { attempt, receipt }
  }
  return undefined
}

/** Records the outcome once the block has the chain's confirmations. */
async function settle(
  ctx: TrackContext,
  row: TransactionRow,
  mined: Mined,
): Promise<void> {
  const head = await ctx.client.getBlockNumber({ cacheTime: 0 })
  if (!isFinal(ctx.chain, mined.receipt, head)) return
  await recordMined(ctx.tx, row, mined, ctx.log)
}

/** True once the receipt's block has the chain's confirmations. */
export function isFinal(
  chain: Chain,
  receipt: TransactionReceipt,
  head: bigint,
): boolean {
  return head - receipt.blockNumber + 1n >= BigInt(chain.confirmations)
}

/**
 * Records how a mined attempt ended, if the transaction is still
 * submitted: a tracker that settles it without its row lock may race
 * another, and only one of them writes.
 */
export async function recordMined(
  db: Database | DbTransaction,
  row: Pick<TransactionRow, 'id' | 'errorCode'>,
  { attempt, receipt }: Mined,
  log: Logger,
): Promise<void> {
  const cancelled = attempt.kind === 'cancel'
  const reverted = receipt.status === 'reverted'
  const errorCode = cancelled
    ? (row.errorCode ?? 'TRANSACTION_REJECTED')
    : reverted
      ? 'EXECUTION_REVERTED'
      : null
  const updated = await db
    .update(transactions)
    .set({
      status: errorCode ? 'failed' : 'confirmed',
      errorCode,
      hash: attempt.hash,
      raw: attempt.raw,
      maxFeePerGas: attempt.maxFeePerGas,
      maxPriorityFeePerGas: attempt.maxPriorityFeePerGas,
      blockNumber: Number(receipt.blockNumber),
      gasUsed: receipt.gasUsed.toString(),
      effectiveGasPrice: receipt.effectiveGasPrice.toString(),
      confirmedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(transactions.id, row.id), eq(transactions.status, 'submitted')),
    )
    .returning({ id: transactions.id })
  if (updated.length === 0) return
  log.info(
    { hash: attempt.hash, block: Number(receipt.blockNumber), errorCode },
    errorCode ? 'transaction failed' : 'transaction confirmed',
  )
}

/**
 * Another transaction, not sent by Custos, took this nonce. The counter is
 * moved past the node's count, so later sends do not collide again.
 */
async function failConflict(
  ctx: TrackContext,
  row: TransactionRow,
  count: number,
): Promise<void> {
  await ctx.tx
    .update(transactions)
    .set({
      status: 'failed',
      errorCode: 'NONCE_CONFLICT',
      confirmedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(transactions.id, row.id))
  await ctx.tx
    .update(accountNonces)
    .set({ nextNonce: sql`greatest(${accountNonces.nextNonce}, ${count})` })
    .where(
      and(
        eq(accountNonces.chainId, row.chainId),
        eq(accountNonces.address, row.fromAddress),
      ),
    )
  ctx.log.warn({ nonce: row.nonce, count }, 'nonce used by another sender')
}

/**
 * The node knows none of our attempts: it dropped them (a restart, a full
 * pool). The newest is sent again, or an older one if the node refuses it
 * (a replacement's higher fees may be more than the balance allows); if
 * the fees of all are now too low, a replacement is signed.
 */
async function rebroadcast(
  ctx: TrackContext,
  row: TransactionRow,
  attempts: AttemptRow[],
): Promise<Attempt | undefined> {
  let feeTooLow = false
  for (const attempt of attempts) {
    const outcome = await broadcast(ctx.client, attempt.raw as Hex)
    if (isOut(outcome)) {
      ctx.log.info({ hash: attempt.hash }, 'dropped transaction sent again')
      return undefined
    }
    if (outcome.kind === 'retry') return undefined
    feeTooLow ||= outcome.kind === 'fee-too-low'
  }
  const [latest] = attempts
  if (feeTooLow && latest) return replace(ctx, row, latest)
  ctx.log.warn('the node refuses every version of a dropped transaction')
  return undefined
}

/** Signs and records (not broadcasts) the latest attempt with higher fees. */
async function replace(
  ctx: TrackContext,
  row: TransactionRow,
  latest: AttemptRow,
): Promise<Attempt> {
  const fees = replacementFees(feesOf(latest), await currentFees(ctx.client))
  const attempt = await signAttempt(
    ctx.db,
    ctx.masterKey,
    row,
    latest.kind,
    fees,
  )
  await recordAttempt(ctx.tx, row.id, attempt)
  return attempt
}

async function anyKnown(
  client: PublicClient,
  attempts: AttemptRow[],
): Promise<boolean> {
  for (const attempt of attempts) {
    if (await isKnown(client, attempt.hash as Hash)) return true
  }
  return false
}
