import { and, desc, eq, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { transactions } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { getAccount } from '../accounts/account-service.js'
import type { Transaction } from './schemas.js'

/** A user's transaction; another user's answers as not found. */
export async function getTransaction(
  db: Database,
  userId: string,
  id: string,
): Promise<Transaction> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.userId, userId)))
  if (!row) throw new AppError('TRANSACTION_NOT_FOUND')
  return row
}

/**
 * One page of an account's transactions, newest first. The cursor is the id
 * of the last item of the previous page; rows are compared with it in SQL,
 * as (created_at, id) pairs, so microseconds are never lost on the way.
 */
export async function listAccountTransactions(
  db: Database,
  userId: string,
  accountId: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ data: Transaction[]; nextCursor: string | null }> {
  await getAccount(db, userId, accountId)
  if (cursor) await checkCursor(db, accountId, cursor)
  const rows = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.accountId, accountId),
        cursor === undefined
          ? undefined
          : sql`(${transactions.createdAt}, ${transactions.id}) < (
            select created_at, id from transactions where id = ${cursor})`,
      ),
    )
    .orderBy(desc(transactions.createdAt), desc(transactions.id))
    .limit(limit + 1)
  const data = rows.slice(0, limit)
  const last = data.at(-1)
  return { data, nextCursor: rows.length > limit && last ? last.id : null }
}

async function checkCursor(db: Database, accountId: string, id: string) {
  const [position] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.id, id), eq(transactions.accountId, accountId)))
  if (!position) throw new AppError('INVALID_CURSOR')
}
