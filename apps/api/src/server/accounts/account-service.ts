import { and, eq, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { idempotent, type Outcome } from '../http/idempotency.js'
import { toAccountView, type Account, type AccountView } from './schemas.js'

/**
 * Records a pending account at the wallet's next index. The index comes
 * from incrementing the wallet's counter, which row-locks the wallet until
 * the insert commits: concurrent requests get distinct indices, and one
 * that fails rolls its increment back, so there are no gaps.
 */
export async function createAccount(
  db: Database,
  userId: string,
  walletId: string,
  name: string | undefined,
  idempotencyKey: string | undefined,
): Promise<Outcome<AccountView>> {
  const request = ['POST /v1/wallets/:id/accounts', walletId, name ?? null]
  return idempotent(
    db,
    { userId, key: idempotencyKey, request },
    async (tx) => {
      const [wallet] = await tx
        .update(wallets)
        .set({ nextAccountIndex: sql`${wallets.nextAccountIndex} + 1` })
        .where(and(eq(wallets.id, walletId), eq(wallets.userId, userId)))
        .returning({
          index: sql<number>`${wallets.nextAccountIndex} - 1`,
          status: wallets.status,
        })
      if (!wallet) throw new AppError('WALLET_NOT_FOUND')
      if (wallet.status !== 'ready') throw new AppError('WALLET_NOT_READY')

      const [account] = await tx
        .insert(accounts)
        .values({ walletId, userId, index: wallet.index, name })
        .returning()
      return { status: 202, body: toAccountView(account as Account) }
    },
  )
}

/**
 * Records `count` pending accounts at the wallet's next indices, in one
 * transaction, as `createAccount` does for one: the wallet's counter moves
 * by `count` under its row lock, so a batch's indices are consecutive.
 */
export async function createAccounts(
  db: Database,
  userId: string,
  walletId: string,
  count: number,
  idempotencyKey: string | undefined,
): Promise<Outcome<{ data: AccountView[] }>> {
  const request = ['POST /v1/wallets/:id/accounts/batch', walletId, count]
  return idempotent(
    db,
    { userId, key: idempotencyKey, request },
    async (tx) => {
      const [wallet] = await tx
        .update(wallets)
        .set({ nextAccountIndex: sql`${wallets.nextAccountIndex} + ${count}` })
        .where(and(eq(wallets.id, walletId), eq(wallets.userId, userId)))
        .returning({
          first: sql<number>`${wallets.nextAccountIndex} - ${count}`,
          status: wallets.status,
        })
      if (!wallet) throw new AppError('WALLET_NOT_FOUND')
      if (wallet.status !== 'ready') throw new AppError('WALLET_NOT_READY')

      const created = await tx
        .insert(accounts)
        .values(
          Array.from({ length: count }, (_, offset) => ({
            walletId,
            userId,
            index: wallet.first + offset,
          })),
        )
        .returning()
      created.sort((a, b) => a.index - b.index)
      return { status: 202, body: { data: created.map(toAccountView) } }
    },
  )
}

/** A user's account; another user's answers as not found. */
export async function getAccount(
  db: Database,
  userId: string,
  id: string,
): Promise<Account> {
  const [account] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.userId, userId)))
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND')
  return account
}

export async function renameAccount(
  db: Database,
  userId: string,
  id: string,
  name: string,
): Promise<Account> {
  const [account] = await db
    .update(accounts)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(accounts.id, id), eq(accounts.userId, userId)))
    .returning()
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND')
  return account
}
