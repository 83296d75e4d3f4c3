import type postgres from 'postgres'

import { isConnectionLost } from './connection-errors.js'

// How long a transaction whose query failed for a lost connection waits
// to hear that the connection closed, before it rolls back as usual.
const CLOSE_WAIT_MS = 2000

type Begin = (...args: unknown[]) => Promise<unknown>
type Body = (tx: postgres.TransactionSql) => unknown

/**
 * Keeps a transaction whose connection the server dropped from taking the
 * process down. postgres.js 3.4.9 writes the ROLLBACK, or the next query
 * of the transaction, to the connection after it has closed, and that
 * write throws outside any promise: an uncaught exception (upstream
 * issues porsager/postgres#1154 and #1208, not fixed in a release yet).
 * So once the connection is known closed, the transaction sends nothing
 * more: its queries fail with CONNECTION_CLOSED and its body never
 * settles, while `begin` itself rejects as soon as the connection closes.
 * The server has rolled the transaction back already. Remove this once
 * postgres.js guards its writes.
 */
export function guardTransactions(sql: postgres.Sql): void {
  const begin = sql.begin.bind(sql) as Begin
  const guarded: Begin = (...args) => {
    const body = args.pop() as Body
    let closed = false
    const running: Promise<unknown> = begin(...args, async (tx: never) => {
      try {
        return await body(refuseOnceClosed(tx, () => closed))
      } catch (error) {
        if (isConnectionLost(error) && (await closesWithin(running))) {
          return new Promise(() => {})
        }
        throw error
      }
    })
    running.catch((error: unknown) => {
      closed ||= isConnectionLost(error)
    })
    return running
  }
  sql.begin = guarded as typeof sql.begin
}

/** True when `running` fails for a lost connection within the wait. */
function closesWithin(running: Promise<unknown>): Promise<boolean> {
  const waited = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), CLOSE_WAIT_MS).unref(),
  )
  const lost = running.then(
    () => false,
    (error: unknown) => isConnectionLost(error),
  )
  return Promise.race([lost, waited])
}

// The calls of a transaction handle that send something.
const SENDING = new Set<PropertyKey>(['unsafe', 'savepoint', 'file'])

function refuseOnceClosed(
  tx: postgres.TransactionSql,
  isClosed: () => boolean,
): postgres.TransactionSql {
  const refuse = () => {
    if (isClosed()) {
      throw Object.assign(new Error('write CONNECTION_CLOSED'), {
        code: 'CONNECTION_CLOSED',
      })
    }
  }
  return new Proxy(tx, {
    apply(target, self, args) {
      refuse()
      return Reflect.apply(target, self, args) as unknown
    },
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (!SENDING.has(property) || typeof value !== 'function') return value
      return (...args: unknown[]) => {
        refuse()
        return Reflect.apply(value, target, args) as unknown
      }
    },
  })
}
