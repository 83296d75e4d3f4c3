import { and, eq, gt, or, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accountNonces, transactions } from '../../shared/db/schema.js'

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

/** True once the sender has a nonce counter on the chain. */
export async function hasNonceCounter(
  db: Database,
  chainId: number,
  address: string,
): Promise<boolean> {
  const rows = await db
    .select({ next: accountNonces.nextNonce })
    .from(accountNonces)
    .where(
      and(
        eq(accountNonces.chainId, chainId),
        eq(accountNonces.address, address),
      ),
    )
  return rows.length > 0
}

/**
 * Takes the sender's next nonce on a chain. The upsert row-locks the
 * counter until `tx` ends, so concurrent sends, from any number of API
 * processes, wait their turn and get consecutive nonces; a send refused
 * later in `tx` rolls its increment back, leaving no gap. `seed`, the
 * node's count, is used only when the counter does not exist yet: the node
 * is never asked again, since it cannot know of sends not yet broadcast.
 */
export async function takeNonce(
  tx: Transaction,
  chainId: number,
  address: string,
  seed: number,
): Promise<number> {
  const [taken] = await tx
    .insert(accountNonces)
    .values({ chainId, address, nextNonce: seed + 1 })
    .onConflictDoUpdate({
      target: [accountNonces.chainId, accountNonces.address],
      set: { nextNonce: sql`${accountNonces.nextNonce} + 1` },
    })
    .returning({
      nonce: sql<number>`${accountNonces.nextNonce} - 1`.mapWith(Number),
    })
  if (!taken) throw new Error('the nonce upsert returned no row')
  return taken.nonce
}

/**
 * The most the sender's transactions may still take from a balance read at
 * `blockNumber`: value plus gas limit × fee cap of every one not yet mined
 * by then. Read under the nonce lock, so sends racing each other each see
 * the others. A transaction mined but not yet seen by the tracker is
 * counted although the balance already paid for it: the check errs on the
 * side of refusing.
 */
export async function inFlightCost(
  tx: Database | Transaction,
  chainId: number,
  address: string,
  blockNumber: bigint,
): Promise<bigint> {
  const [row] = await tx
    .select({
      total: sql<string>`coalesce(sum(${transactions.value} + ${transactions.gasLimit} * ${transactions.maxFeePerGas}), 0)::text`,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.chainId, chainId),
        eq(transactions.fromAddress, address),
        // The statuses are written out, not bound, so that the planner can
        // use the partial index of open transactions in every plan.
        or(
          sql`${transactions.status} in ('queued', 'submitted')`,
          gt(transactions.blockNumber, Number(blockNumber)),
        ),
      ),
    )
  return BigInt(row?.total ?? '0')
}
