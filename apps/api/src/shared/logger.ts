import pino, { type DestinationStream, type LoggerOptions } from 'pino'

/**
 * Names of fields whose values never reach a log line: credentials arrive
 * in headers, and secrets may sit in any object a caller logs by mistake.
 */
const SECRET_KEYS = new Set([
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'token',
  'apiKey',
  'secret',
  'password',
  'mnemonic',
  'seed',
  'privateKey',
  'masterKey',
  'dataKey',
])

export const CENSOR = '[redacted]'

// Deep enough for `req.headers.authorization`; a secret buried deeper is
// a bug in what was logged, not something to search every line for.
const MAX_DEPTH = 3

/**
 * `value` with every field named in SECRET_KEYS blanked, up to three
 * levels down, through objects and arrays. Objects with nothing to blank
 * are returned as they are, so a clean line costs a few lookups rather
 * than a copy; pino's own path-based redaction cost several times more
 * per line for the same coverage.
 */
export function redactSecrets<T>(value: T, depth = 0): T {
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') {
    return value
  }
  if (Array.isArray(value)) {
    const items = value as unknown[]
    const redacted = items.map((item) => redactSecrets(item, depth + 1))
    return (
      redacted.some((item, i) => item !== items[i]) ? redacted : value
    ) as T
  }
  let copy: Record<string, unknown> | undefined
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    const field = record[key]
    const redacted = SECRET_KEYS.has(key)
      ? CENSOR
      : redactSecrets(field, depth + 1)
    if (redacted !== field) {
      copy ??= { ...record }
      copy[key] = redacted
    }
  }
  return (copy ?? value) as T
}

/** Options shared by the API's and the worker's loggers. */
export function loggerOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    formatters: { log: (object) => redactSecrets(object) },
  }
}

/**
 * Standard output, written asynchronously: lines logged while a write is
 * under way go out together in the next one, instead of one blocking
 * write per line. pino flushes what is left when the process exits.
 */
export function logDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false })
}
