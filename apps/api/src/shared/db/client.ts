import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'

import * as schema from './schema.js'
import { guardTransactions } from './transaction-guard.js'

export type Database = PostgresJsDatabase<typeof schema>
/** The handle inside `db.transaction(async (tx) => …)`. */
export type DbTransaction = Parameters<
  Parameters<Database['transaction']>[0]
>[0]

export interface DatabaseHandle {
  db: Database
  sql: postgres.Sql
  close(): Promise<void>
}

/** Options for {@link connectDatabase}. */
export interface ConnectOptions {
  /** Most connections the pool opens. */
  max?: number
}

/**
 * Opens a connection pool. postgres.js reconnects on its own when a
 * connection is dropped, so a restarted server or a terminated backend costs
 * the queries in flight, not the process.
 */
export function connectDatabase(
  url: string,
  options: ConnectOptions = {},
): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 10,
  })
  guardTransactions(sql)
  return {
    db: drizzle(sql, { schema }),
    sql,
    close: () => sql.end({ timeout: 5 }),
  }
}
