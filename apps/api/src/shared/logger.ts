import type { LoggerOptions } from 'pino'

/**
 * Paths pino blanks out wherever they appear in a log line. Credentials
 * arrive in headers; secrets may sit in any object a caller logs by mistake,
 * so the common names are redacted one and two levels deep.
 */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'token',
  'apiKey',
  'secret',
  'password',
  'mnemonic',
  'seed',
  'privateKey',
  'masterKey',
  'dataKey',
]

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
]

/** Options shared by the API's and the worker's loggers. */
export function loggerOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
  }
}
