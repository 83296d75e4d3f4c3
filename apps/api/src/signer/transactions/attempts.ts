import { desc, eq, inArray, sql } from 'drizzle-orm'
import type { Address, Hex } from 'viem'

import type { Database, DbTransaction } from '../../shared/db/client.js'
import {
  transactionAttempts,
  transactions,
  type AttemptKind,
} from '../../shared/db/schema.js'
import type { Fees } from '../../shared/fees.js'
import type { MasterKey } from '../custody/envelope.js'
import { withAccountKey } from '../account-key.js'
import {
  signTransaction,
  type SignedTransaction,
  type UnsignedTransaction,
} from './signing.js'

export type TransactionRow = typeof transactions.$inferSelect

/** A signed version of a transaction, recorded or about to be. */
export interface Attempt extends SignedTransaction, Fees {
  kind: AttemptKind
}

/** A recorded attempt, with its age by the database's clock. */
export type AttemptRow = typeof transactionAttempts.$inferSelect & {
  ageMs: number
}

const CANCEL_GAS = 21_000n

export async function loadTransaction(
  db: Database,
  id: string,
): Promise<TransactionRow | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(eq(transactions.id, id))
  return row
}

/** A transaction's attempts, newest first. */
export async function listAttempts(
  db: Database | DbTransaction,
  transactionId: string,
): Promise<AttemptRow[]> {
  return attemptsOf(db, [transactionId])
}

/** The attempts of several transactions, newest first. */
export async function attemptsOf(
  db: Database | DbTransaction,
  transactionIds: string[],
): Promise<AttemptRow[]> {
  return db
    .select({
      hash: transactionAttempts.hash,
      transactionId: transactionAttempts.transactionId,
      kind: transactionAttempts.kind,
      raw: transactionAttempts.raw,
      maxFeePerGas: transactionAttempts.maxFeePerGas,
      maxPriorityFeePerGas: transactionAttempts.maxPriorityFeePerGas,
      createdAt: transactionAttempts.createdAt,
      ageMs:
        sql<number>`extract(epoch from now() - ${transactionAttempts.createdAt}) * 1000`.mapWith(
          Number,
        ),
    })
    .from(transactionAttempts)
    .where(inArray(transactionAttempts.transactionId, transactionIds))
    .orderBy(desc(transactionAttempts.createdAt))
}

/**
 * Signs a version of the transaction: as asked (`send`), or a cancel that
 * only fills its nonce. Records nothing.
 */
export async function signAttempt(
  db: Database,
  masterKey: MasterKey,
  row: TransactionRow,
  kind: AttemptKind,
  fees: Fees,
): Promise<Attempt> {
  const unsigned = unsignedAttempt(row, kind, fees)
  const signed = await withAccountKey(db, masterKey, row.accountId, (key) =>
    signTransaction(key, unsigned),
  )
  return { ...signed, ...fees, kind }
}

function unsignedAttempt(
  row: TransactionRow,
  kind: AttemptKind,
  fees: Fees,
): UnsignedTransaction {
  const common = { chainId: row.chainId, nonce: row.nonce, ...fees }
  if (kind === 'cancel') {
    const self = row.fromAddress as Address
    return { ...common, to: self, value: 0n, data: undefined, gas: CANCEL_GAS }
  }
  return {
    ...common,
    to: row.toAddress as Address,
    value: BigInt(row.value),
    data: (row.data ?? undefined) as Hex | undefined,
    gas: BigInt(row.gasLimit),
  }
}

/**
 * Records a signed attempt as the transaction's latest. It must be
 * committed before the attempt is broadcast: then a signer that dies
 * after broadcasting is followed by one that finds it, and every hash that
 * may be mined is known. A cancel also records why it was needed.
 */
export async function recordAttempt(
  tx: DbTransaction,
  transactionId: string,
  attempt: Attempt,
  errorCode?: string,
): Promise<void> {
  const fees = {
    maxFeePerGas: attempt.maxFeePerGas.toString(),
    maxPriorityFeePerGas: attempt.maxPriorityFeePerGas.toString(),
  }
  await tx
    .insert(transactionAttempts)
    .values({
      hash: attempt.hash,
      transactionId,
      kind: attempt.kind,
      raw: attempt.raw,
      ...fees,
    })
    .onConflictDoNothing()
  await tx
    .update(transactions)
    .set({
      raw: attempt.raw,
      hash: attempt.hash,
      ...fees,
      ...(errorCode !== undefined && { errorCode }),
      updatedAt: sql`now()`,
    })
    .where(eq(transactions.id, transactionId))
}

/** The fees of a row or an attempt, as numbers. */
export function feesOf(stored: {
  maxFeePerGas: string
  maxPriorityFeePerGas: string
}): Fees {
  return {
    maxFeePerGas: BigInt(stored.maxFeePerGas),
    maxPriorityFeePerGas: BigInt(stored.maxPriorityFeePerGas),
  }
}
