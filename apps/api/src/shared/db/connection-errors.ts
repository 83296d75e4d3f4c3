// What postgres.js and Node call a connection that is gone or never came.
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
])

// SQLSTATE class 08 (connection exception), and 57P01 to 57P03: the server
// ended the session (an administrator, a restart) or is not accepting any.
const SERVER_CODE = /^(08|57P0[123])/

/**
 * True when `error`, or an error it was caused by (drizzle wraps the
 * driver's), says the connection to PostgreSQL was lost rather than that
 * the query was wrong: worth retrying later, once the pool reconnects.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code
    if (typeof code !== 'string') continue
    if (CLIENT_CODES.has(code) || SERVER_CODE.test(code)) return true
  }
  return false
}
