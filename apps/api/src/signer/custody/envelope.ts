import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from 'node:crypto'

/** The format of sealed wallets written today. */
export const KEY_VERSION = 1

const CIPHER = 'aes-256-gcm'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16

export type CustodyErrorCode =
  'DECRYPTION_FAILED' | 'MASTER_KEY_MISMATCH' | 'UNSUPPORTED_KEY_VERSION'

// Fixed messages: nothing about the key, the data or the cause leaks out.
const messages: Record<CustodyErrorCode, string> = {
  DECRYPTION_FAILED: 'The sealed data is corrupt or the key is wrong',
  MASTER_KEY_MISMATCH: 'The wallet was sealed under another master key',
  UNSUPPORTED_KEY_VERSION: 'The wallet was sealed in an unsupported format',
}

/** A failure to open sealed key material. */
export class CustodyError extends Error {
  readonly code: CustodyErrorCode

  constructor(code: CustodyErrorCode) {
    super(messages[code])
    this.name = 'CustodyError'
    this.code = code
  }
}

/** The key that wraps every wallet's data key, and its public name. */
export interface MasterKey {
  id: string
  key: Buffer
}

/** A wallet's secrets as stored: each encrypted, none readable alone. */
export interface SealedWallet {
  keyVersion: number
  masterKeyId: string
  wrappedDataKey: Buffer
  seedCiphertext: Buffer
  chainKeyCiphertext: Buffer
}

export type SealedHeader = Pick<
  SealedWallet,
  'keyVersion' | 'masterKeyId' | 'wrappedDataKey'
>
export type SealedSeed = SealedHeader & Pick<SealedWallet, 'seedCiphertext'>
export type SealedChainKey = SealedHeader &
  Pick<SealedWallet, 'chainKeyCiphertext'>

/**
 * A short name for a master key, so that rows can say which key wraps them
 * without revealing it. A keyed hash, because a plain hash of a key would
 * let anyone test a guessed key against it for free.
 */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key)
    .update('custos master key id')
    .digest('hex')
    .slice(0, 16)
}

/** AES-256-GCM: a random IV, the ciphertext, then the tag. */
export function seal(
  key: Uint8Array,
  plaintext: Uint8Array,
  aad: string,
): Buffer {
  assertKey(key)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(Buffer.from(aad, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([iv, body, cipher.getAuthTag()])
}

/** Reverses {@link seal}; any tampering throws DECRYPTION_FAILED. */
export function open(key: Uint8Array, blob: Uint8Array, aad: string): Buffer {
  assertKey(key)
  if (blob.length < IV_BYTES + TAG_BYTES) {
    throw new CustodyError('DECRYPTION_FAILED')
  }

  const iv = blob.subarray(0, IV_BYTES)
  const body = blob.subarray(IV_BYTES, blob.length - TAG_BYTES)
  const tag = blob.subarray(blob.length - TAG_BYTES)
  const decipher = createDecipheriv(CIPHER, key, iv, {
    authTagLength: TAG_BYTES,
  })
  decipher.setAAD(Buffer.from(aad, 'utf8'))
  decipher.setAuthTag(tag)
  // GCM is a stream mode: update() yields all the plaintext and final()
  // only checks the tag, so unauthenticated output must be wiped on failure.
  const plaintext = decipher.update(body)
  try {
    decipher.final()
  } catch {
    plaintext.fill(0)
    throw new CustodyError('DECRYPTION_FAILED')
  }
  return plaintext
}

/**
 * Encrypts a wallet's entropy and chain key under a fresh data key, and
 * wraps that key under the master key. Every ciphertext is bound to its
 * purpose and wallet, so none can be moved to another row or field.
 */
export function sealWallet(
  masterKey: MasterKey,
  walletId: string,
  secrets: { entropy: Uint8Array; chainKey: Uint8Array },
): SealedWallet {
  const dataKey = randomBytes(KEY_BYTES)
  try {
    return {
      keyVersion: KEY_VERSION,
      masterKeyId: masterKey.id,
      wrappedDataKey: seal(
        masterKey.key,
        dataKey,
        dataKeyLabel(walletId, masterKey.id),
      ),
      seedCiphertext: seal(dataKey, secrets.entropy, label('seed', walletId)),
      chainKeyCiphertext: seal(
        dataKey,
        secrets.chainKey,
        label('chain-key', walletId),
      ),
    }
  } finally {
    dataKey.fill(0)
  }
}

/** The wallet's chain key (see deriveChainKey). The caller zeroes it. */
export function openChainKey(
  masterKey: MasterKey,
  walletId: string,
  sealed: SealedChainKey,
): Buffer {
  return withDataKey(masterKey, walletId, sealed, (dataKey) =>
    open(dataKey, sealed.chainKeyCiphertext, label('chain-key', walletId)),
  )
}

/** The wallet's entropy, from which its phrase and seed follow. */
export function openSeed(
  masterKey: MasterKey,
  walletId: string,
  sealed: SealedSeed,
): Buffer {
  return withDataKey(masterKey, walletId, sealed, (dataKey) =>
    open(dataKey, sealed.seedCiphertext, label('seed', walletId)),
  )
}

/**
 * Seals an account's private key under its wallet's data key, bound to the
 * wallet and the account's index, so signing needs no key derivation.
 */
export function sealAccountKey(
  masterKey: MasterKey,
  walletId: string,
  index: number,
  sealed: SealedHeader,
  privateKey: Uint8Array,
): Buffer {
  return withDataKey(masterKey, walletId, sealed, (dataKey) =>
    seal(dataKey, privateKey, accountKeyLabel(walletId, index)),
  )
}

/** An account's private key, sealed by sealAccountKey. The caller zeroes it. */
export function openAccountKey(
  masterKey: MasterKey,
  walletId: string,
  index: number,
  sealed: SealedHeader & { keyCiphertext: Uint8Array },
): Buffer {
  return withDataKey(masterKey, walletId, sealed, (dataKey) =>
    open(dataKey, sealed.keyCiphertext, accountKeyLabel(walletId, index)),
  )
}

function withDataKey(
  masterKey: MasterKey,
  walletId: string,
  sealed: SealedHeader,
  use: (dataKey: Buffer) => Buffer,
): Buffer {
  if (sealed.keyVersion !== KEY_VERSION) {
    throw new CustodyError('UNSUPPORTED_KEY_VERSION')
  }
  if (sealed.masterKeyId !== masterKey.id) {
    throw new CustodyError('MASTER_KEY_MISMATCH')
  }

  const dataKey = open(
    masterKey.key,
    sealed.wrappedDataKey,
    dataKeyLabel(walletId, masterKey.id),
  )
  try {
    return use(dataKey)
  } finally {
    dataKey.fill(0)
  }
}

// Additional authenticated data. Wallet ids are UUIDs and master key ids
// are hex, so no two labels of different fields or wallets can coincide.
function label(purpose: 'seed' | 'chain-key', walletId: string): string {
  return `custos/v${KEY_VERSION}/${purpose}/${walletId}`
}

function accountKeyLabel(walletId: string, index: number): string {
  return `custos/v${KEY_VERSION}/account-key/${walletId}/${index}`
}

function dataKeyLabel(walletId: string, keyId: string): string {
  return `custos/v${KEY_VERSION}/data-key/${walletId}/${keyId}`
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new RangeError('key must be 32 bytes')
}
