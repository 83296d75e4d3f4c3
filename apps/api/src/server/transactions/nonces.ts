import { and, eq, sql } from 'drizzle-orm'

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
  const cost = sql`coalesce(sum(value + gas_limit * max_fee_per_gas), 0)`
  const sender = sql`chain_id = ${chainId} and from_address = ${address}`
  // Two sums, each planned on its own, so that every plan reads one
  // index: the partial index of open transactions (whose statuses are
  // written out, not bound, for it to apply), and the sender's index by
  // block for those mined after `blockNumber`.
  const [row] = await tx.execute<{ total: string }>(sql`
    select (
      (select ${cost} from ${transactions}
        where ${sender} and status in ('queued', 'submitted'))
      + (select ${cost} from ${transactions}
        where ${sender} and block_number > ${Number(blockNumber)}
          and status not in ('queued', 'submitted'))
    )::text as total`)
  return BigInt(row?.total ?? '0')
}
