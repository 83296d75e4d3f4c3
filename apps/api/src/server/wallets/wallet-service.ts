import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

import type { Database } from '../../shared/db/client.js'
import { preparedQuery } from '../../shared/db/prepared.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { idempotentStatement, type Outcome } from '../http/idempotency.js'
import { toWalletView, type WalletRow, type WalletView } from './schemas.js'
import type { AccountRow } from '../accounts/schemas.js'

/** Only the columns a caller may see; the key columns stay in the table. */
const walletColumns = {
  id: wallets.id,
  userId: wallets.userId,
  name: wallets.name,
  status: wallets.status,
  errorCode: wallets.errorCode,
  createdAt: wallets.createdAt,
  updatedAt: wallets.updatedAt,
} satisfies Record<keyof WalletRow, AnyPgColumn>

/**
 * Records a new wallet and its account 0 as pending, honouring an
 * Idempotency-Key. A signer does the rest.
 */
export async function createWallet(
  db: Database,
  userId: string,
  name: string,
  idempotencyKey: string | undefined,
): Promise<Outcome<WalletView>> {
  return idempotentStatement(
    db,
    { userId, key: idempotencyKey, request: ['POST /v1/wallets', name] },
    (tx) => insertWallet(tx, userId, name),
  )
}

/** Inserts a pending wallet and its account 0, in one statement. */
async function insertWallet(
  db: Pick<Database, 'execute'>,
  userId: string,
  name: string,
): Promise<{ status: number; body: WalletView }> {
  const [row] = await db.execute<{
    id: string
    name: string
    status: WalletRow['status']
    error_code: string | null
    created_at: Date
    updated_at: Date
  }>(sql`
    with wallet as (
      insert into ${wallets} (user_id, name)
      values (${userId}, ${name})
      returning id, user_id, name, status, error_code, created_at, updated_at
    ), first_account as (
      insert into ${accounts} (wallet_id, user_id, index)
      select id, user_id, 0 from wallet
    )
    select id, name, status, error_code, created_at, updated_at from wallet`)
  if (!row) throw new Error('the wallet insert returned no row')
  const wallet: WalletRow = {
    id: row.id,
    userId,
    name: row.name,
    status: row.status,
    errorCode: row.error_code,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  }
  return { status: 202, body: toWalletView(wallet) }
}

const { keyCiphertext: _sealed, ...accountColumns } = getTableColumns(accounts)

// One round trip for a wallet and its accounts: the join gives a row per
// account, or a single row with no account.
const walletWithAccountsQuery = preparedQuery((db) =>
  db
    .select({ wallet: walletColumns, account: accountColumns })
    .from(wallets)
    .leftJoin(accounts, eq(accounts.walletId, wallets.id))
    .where(
      and(
        eq(wallets.id, sql.placeholder('id')),
        eq(wallets.userId, sql.placeholder('userId')),
      ),
    )
    .orderBy(asc(accounts.index))
    .prepare('wallet_with_accounts'),
)

/** A user's wallet and its accounts by index; another user's is not found. */
export async function getWalletWithAccounts(
  db: Database,
  userId: string,
  id: string,
): Promise<{ wallet: WalletRow; accounts: AccountRow[] }> {
  const rows = await walletWithAccountsQuery(db).execute({ id, userId })
  const [first] = rows
  if (!first) throw new AppError('WALLET_NOT_FOUND')
  return {
    wallet: first.wallet,
    accounts: rows.flatMap((row) => (row.account ? [row.account] : [])),
  }
}

/**
 * One page of a user's wallets, newest first. The cursor is the id of the
 * last wallet of the previous page; rows are compared with its
 * (created_at, id) in SQL, so no timestamp loses its microseconds in a
 * round trip through JavaScript.
 */
export async function listWallets(
  db: Database,
  userId: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ data: WalletRow[]; nextCursor: string | null }> {
  if (cursor) await checkCursor(db, userId, cursor)
  const rows = await db
    .select(walletColumns)
    .from(wallets)
    .where(
      and(
        eq(wallets.userId, userId),
        cursor === undefined
          ? undefined
          : sql`(${wallets.createdAt}, ${wallets.id}) < (
            select created_at, id from wallets where id = ${cursor})`,
      ),
    )
    .orderBy(desc(wallets.createdAt), desc(wallets.id))
    .limit(limit + 1)
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  return { data, nextCursor: rows.length > limit && last ? last.id : null }
}

async function checkCursor(db: Database, userId: string, id: string) {
  const [position] = await db
    .select({ id: wallets.id })
    .from(wallets)
    .where(and(eq(wallets.id, id), eq(wallets.userId, userId)))
  if (!position) throw new AppError('INVALID_CURSOR')
}

export async function renameWallet(
  db: Database,
  userId: string,
  id: string,
  name: string,
): Promise<WalletRow> {
  const [wallet] = await db
    .update(wallets)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(wallets.id, id), eq(wallets.userId, userId)))
    .returning(walletColumns)
  if (!wallet) throw new AppError('WALLET_NOT_FOUND')
  return wallet
}
