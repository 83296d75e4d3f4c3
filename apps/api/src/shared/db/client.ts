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
    // postgres.js 3.4.9 asks every new connection for the server's array
    // types, from a promise that nothing handles: a connection dropped
    // during that query crashed the process. Custos reads and binds no
    // array columns, so the query is not needed.
    fetch_types: false,
    connection: {
      // A statement whose client has gone (a killed signer) is cancelled
      // within a second, even while it waits for a lock, instead of
      // committing later for no one.
      client_connection_check_interval: 1000,
    },
  })
  guardTransactions(sql)
  reserveOpenConnections(sql)
  return {
    db: drizzle(sql, { schema }),
    sql,
    close: () => sql.end({ timeout: 5 }),
  }
}

/**
 * With `fetch_types` off, postgres.js 3.4.9 never hands over a connection
 * that it opened for a reservation: `reserve()` waits until another
 * connection of the pool happens to open or close. A query first leaves
 * an open connection, which the reservation then takes at once.
 */
function reserveOpenConnections(sql: postgres.Sql): void {
  const reserve = sql.reserve.bind(sql)
  sql.reserve = async () => {
    await sql`select 1`
    return reserve()
  }
}
