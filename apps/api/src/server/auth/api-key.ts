import {
  createHash,
  randomBytes,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto'

/** Every API key starts with this, which tells it from a JWT at a glance. */
export const API_KEY_PREFIX = 'csk_'

const KEY_PATTERN = /^csk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/

export interface NewApiKey {
  id: string
  /** The full key, to be shown once and never stored. */
  key: string
  secretHash: Buffer
}

/**
 * Makes a key of the form `csk_<id>_<secret>`: the id finds the row, the
 * 256-bit secret proves possession. Only the secret's hash is stored.
 */
export function generateApiKey(): NewApiKey {
  const id = randomUUID()
  const secret = randomBytes(32)
  const key = `${API_KEY_PREFIX}${id.replaceAll('-', '')}_${secret.toString('base64url')}`
  return { id, key, secretHash: hashSecret(secret) }
}

export interface ParsedApiKey {
  id: string
  secret: Buffer
}

/** Splits a presented key; undefined when it is not shaped like one. */
export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = KEY_PATTERN.exec(key)
  if (!match) return undefined
  const secret = Buffer.from(match[2] as string, 'base64url')
  // 43 base64url characters carry two bits more than 32 bytes need; only
  // the one spelling we issued is accepted.
  if (secret.toString('base64url') !== match[2]) return undefined
  const hex = match[1] as string
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { id, secret }
}

/** Compares in constant time, so timing tells nothing about the hash. */
export function secretMatches(secret: Buffer, storedHash: Buffer): boolean {
  const presented = hashSecret(secret)
  return (
    presented.length === storedHash.length &&
    timingSafeEqual(presented, storedHash)
  )
}

function hashSecret(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest()
}

/** A short, non-secret form of a key's id for lists and logs. */
export function displayPrefix(id: string): string {
  return `${API_KEY_PREFIX}${id.replaceAll('-', '').slice(0, 8)}`
}
