import { and, eq, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { idempotentStatement, type Outcome } from '../http/idempotency.js'
import { toAccountView, type Account, type AccountView } from './schemas.js'

/**
 * Records a pending account at the wallet's next index, honouring an
 * Idempotency-Key.
 */
export async function createAccount(
  db: Database,
  userId: string,
  walletId: string,
  name: string | undefined,
  idempotencyKey: string | undefined,
): Promise<Outcome<AccountView>> {
  const request = ['POST /v1/wallets/:id/accounts', walletId, name ?? null]
  return idempotentStatement(
    db,
    { userId, key: idempotencyKey, request },
    async (tx) => {
      const [account] = await insertAccounts(tx, userId, walletId, 1, name)
      return { status: 202, body: account as AccountView }
    },
  )
}

/**
 * Records `count` pending accounts at the wallet's next, consecutive
 * indices, honouring an Idempotency-Key.
 */
export async function createAccounts(
  db: Database,
  userId: string,
  walletId: string,
  count: number,
  idempotencyKey: string | undefined,
): Promise<Outcome<{ data: AccountView[] }>> {
  const request = ['POST /v1/wallets/:id/accounts/batch', walletId, count]
  return idempotentStatement(
    db,
    { userId, key: idempotencyKey, request },
    async (tx) => {
      const data = await insertAccounts(tx, userId, walletId, count, undefined)
      return { status: 202, body: { data } }
    },
  )
}

type Queryable = Pick<Database, 'execute'>

type InsertedAccount = {
  id: string
  index: number
  name: string | null
  status: Account['status']
  created_at: Date
  updated_at: Date
}

/**
 * Takes `count` indices from the wallet's counter and inserts the pending
 * accounts, in one statement. The counter's update row-locks the wallet
 * until the statement (or the transaction around it) commits, so
 * concurrent requests get distinct indices; only a ready wallet of the
 * user's is counted on, so a refused request uses up no index.
 */
async function insertAccounts(
  db: Queryable,
  userId: string,
  walletId: string,
  count: number,
  name: string | undefined,
): Promise<AccountView[]> {
  const rows = await db.execute<InsertedAccount>(sql`
    with counter as (
      update ${wallets}
      set next_account_index = next_account_index + ${count}::int
      where ${wallets.id} = ${walletId} and ${wallets.userId} = ${userId}
        and ${wallets.status} = 'ready'
      returning next_account_index - ${count}::int as first
    )
    insert into ${accounts} (wallet_id, user_id, index, name)
    select ${walletId}, ${userId}, counter.first + step, ${name ?? null}
    from counter, generate_series(0, ${count}::int - 1) as step
    returning id, index, name, status, created_at, updated_at`)
  if (rows.length === 0) await refusal(db, userId, walletId)
  return [...rows]
    .sort((a, b) => a.index - b.index)
    .map((row) =>
      toAccountView({
        id: row.id,
        walletId,
        userId,
        index: row.index,
        name: row.name,
        status: row.status,
        address: null,
        errorCode: null,
        createdAt: new Date(row.created_at),
        updatedAt: new Date(row.updated_at),
      }),
    )
}

/** Why no account was inserted: the wallet is missing or not ready. */
async function refusal(
  db: Queryable,
  userId: string,
  walletId: string,
): Promise<never> {
  const [wallet] = await db.execute<{ status: string }>(sql`
    select status from ${wallets}
    where ${wallets.id} = ${walletId} and ${wallets.userId} = ${userId}`)
  throw new AppError(wallet ? 'WALLET_NOT_READY' : 'WALLET_NOT_FOUND')
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
