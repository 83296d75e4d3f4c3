import { and, eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Hex, PublicClient } from 'viem'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import type { Database } from '../../shared/db/client.js'
import { transactions, type AttemptKind } from '../../shared/db/schema.js'
import { currentFees, type Fees } from '../../shared/fees.js'
import type { RejectionCode } from '../../shared/node-errors.js'
import type { JobResult } from '../../shared/queues.js'
import type { MasterKey } from '../custody/envelope.js'
import {
  feesOf,
  listAttempts,
  loadTransaction,
  recordAttempt,
  signAttempt,
  type TransactionRow,
} from '../transactions/attempts.js'
import {
  broadcast,
  isOut,
  type BroadcastOutcome,
} from '../transactions/broadcast.js'
import { replacementFees } from '../transactions/signing.js'
import { PermanentJobError } from './job-error.js'
import { finished } from './job-result.js'

export interface SendTransactionDeps {
  db: Database
  masterKey: MasterKey
  chains: ChainRegistry
  log: Logger
}

/**
 * Signs and broadcasts a queued transaction. It may run again at any point,
 * on this signer or another, and still sends it once:
 * - a row signed before (by a signer that then died, before or after
 *   broadcasting) is broadcast again as it is: same nonce, same hash;
 * - otherwise it is signed, and the signed bytes committed, before they
 *   are broadcast.
 * A node that refuses it for good (balance, gas) would leave its nonce
 * unused and hold up every later send of the account, so the nonce is
 * filled by a cancel: a zero-value transfer to the account itself. The
 * tracker marks the transaction failed, with the node's reason, once the
 * cancel is mined. Anything else the node says is retried.
 */
export async function sendTransaction(
  deps: SendTransactionDeps,
  transactionId: string,
): Promise<JobResult> {
  const started = performance.now()
  const row = await loadTransaction(deps.db, transactionId)
  if (!row) throw new PermanentJobError('TRANSACTION_NOT_FOUND')
  if (row.status !== 'queued') return finished('already-done', started)
  const client = clientOf(deps.chains, row.chainId)

  const [latest] = await listAttempts(deps.db, row.id)
  const kind = latest?.kind ?? 'send'
  let fees = feesOf(latest ?? row)
  let outcome = latest
    ? await broadcast(client, latest.raw as Hex)
    : await sendAttempt(deps, client, row, kind, fees)

  if (outcome.kind === 'fee-too-low') {
    fees = replacementFees(fees, await currentFees(client))
    outcome = await sendAttempt(deps, client, row, kind, fees)
  }
  if (outcome.kind === 'rejected' && kind === 'send') {
    const { code } = outcome
    deps.log.warn({ transactionId, code }, 'node refused; filling the nonce')
    fees = replacementFees(fees, await currentFees(client))
    outcome = await sendAttempt(deps, client, row, 'cancel', fees, code)
  }
  if (!isOut(outcome)) {
    throw new Error(`the node did not take the transaction: ${outcome.kind}`)
  }

  await markSubmitted(deps.db, row.id)
  return finished('done', started)
}

/** Signs a new attempt, commits it, then broadcasts it. */
async function sendAttempt(
  deps: SendTransactionDeps,
  client: PublicClient,
  row: TransactionRow,
  kind: AttemptKind,
  fees: Fees,
  errorCode?: RejectionCode,
): Promise<BroadcastOutcome> {
  const attempt = await signAttempt(deps.db, deps.masterKey, row, kind, fees)
  await deps.db.transaction((tx) =>
    recordAttempt(tx, row.id, attempt, errorCode),
  )
  return broadcast(client, attempt.raw)
}

function clientOf(chains: ChainRegistry, chainId: number): PublicClient {
  try {
    return chains.resolve(chainId).client
  } catch {
    // Not permanent: another signer, or this one reconfigured, may know
    // the chain, and failing the row would waste a nonce taken on it.
    throw new Error(`chain ${chainId} is not configured on this signer`)
  }
}

async function markSubmitted(db: Database, id: string): Promise<void> {
  await db
    .update(transactions)
    .set({
      status: 'submitted',
      submittedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(transactions.id, id), eq(transactions.status, 'queued')))
}

/**
 * Marks a still-queued transaction failed, for a failure no retry mends
 * (its key cannot be opened). Nothing of it was broadcast.
 */
export async function markTransactionFailed(
  db: Database,
  id: string,
  code: string,
): Promise<void> {
  await db
    .update(transactions)
    .set({ status: 'failed', errorCode: code, updatedAt: sql`now()` })
    .where(and(eq(transactions.id, id), eq(transactions.status, 'queued')))
}
