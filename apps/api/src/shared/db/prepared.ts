import type { Database } from './client.js'

/**
 * A query built once per database handle and reused: building SQL through
 * Drizzle costs more CPU than the round trip for the hot, small queries
 * of the request path. `build` receives the handle and returns the
 * prepared query.
 */
export function preparedQuery<T>(
  build: (db: Database) => T,
): (db: Database) => T {
  const built = new WeakMap<Database, T>()
  return (db) => {
    let query = built.get(db)
    if (query === undefined) {
      query = build(db)
      built.set(db, query)
    }
    return query
  }
}
