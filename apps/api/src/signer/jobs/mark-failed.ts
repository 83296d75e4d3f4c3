import { and, eq, inArray, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'

/**
 * Marks a pending wallet failed with `code`, and its pending accounts with
 * it: they cannot be derived without the wallet's seed. A wallet that is no
 * longer pending is left as it is.
 */
export async function markWalletFailed(
  db: Database,
  walletId: string,
  code: string,
): Promise<void> {
  const failed = {
    status: 'failed' as const,
    errorCode: code,
    updatedAt: sql`now()`,
  }
  await db.transaction(async (tx) => {
    await tx
      .update(wallets)
      .set(failed)
      .where(and(eq(wallets.id, walletId), eq(wallets.status, 'pending')))
    await tx
      .update(accounts)
      .set(failed)
      .where(
        and(eq(accounts.walletId, walletId), eq(accounts.status, 'pending')),
      )
  })
}

/** Marks the pending accounts of `accountIds` failed with `code`. */
export async function markAccountsFailed(
  db: Database,
  accountIds: string[],
  code: string,
): Promise<void> {
  await db
    .update(accounts)
    .set({ status: 'failed', errorCode: code, updatedAt: sql`now()` })
    .where(
      and(inArray(accounts.id, accountIds), eq(accounts.status, 'pending')),
    )
}
