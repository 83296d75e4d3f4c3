import { randomBytes, randomUUID } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import {
  CustodyError,
  type CustodyErrorCode,
  KEY_VERSION,
  type MasterKey,
  type SealedWallet,
  masterKeyId,
  open,
  openAccountKey,
  openChainKey,
  openSeed,
  seal,
  sealAccountKey,
  sealWallet,
} from './envelope.js'

// Each blob of a sealed wallet, and the functions that need it.
const READERS = {
  wrappedDataKey: [openSeed, openChainKey],
  seedCiphertext: [openSeed],
  chainKeyCiphertext: [openChainKey],
}
type Blob = keyof typeof READERS
const BLOBS = Object.keys(READERS) as Blob[]

function newMasterKey(): MasterKey {
  const key = randomBytes(32)
  return { id: masterKeyId(key), key }
}

function newSecrets() {
  return { entropy: randomBytes(32), chainKey: randomBytes(64) }
}

/** The CustodyError that `fn` throws; fails the test if it throws none. */
function custodyError(fn: () => unknown): CustodyError {
  try {
    fn()
  } catch (error) {
    if (error instanceof CustodyError) return error
    throw error
  }
  throw new Error('expected a CustodyError')
}

function codeOf(fn: () => unknown): CustodyErrorCode {
  return custodyError(fn).code
}

/** Calls that open each secret of a sealed wallet. */
function openBoth(master: MasterKey, walletId: string, sealed: SealedWallet) {
  return [
    () => openSeed(master, walletId, sealed),
    () => openChainKey(master, walletId, sealed),
  ]
}

describe('seal and open', () => {
  it('round-trip plaintexts of any length', () => {
    const key = randomBytes(32)
    for (const size of [0, 1, 15, 16, 17, 32, 64, 1000]) {
      const plaintext = randomBytes(size)
      const blob = seal(key, plaintext, 'label')
      expect(blob).toHaveLength(12 + size + 16)
      expect(open(key, blob, 'label').equals(plaintext)).toBe(true)
    }
  })

  it('fail on another label or key', () => {
    const key = randomBytes(32)
    const blob = seal(key, randomBytes(32), 'label')
    expect(codeOf(() => open(key, blob, 'label2'))).toBe('DECRYPTION_FAILED')
    expect(codeOf(() => open(randomBytes(32), blob, 'label'))).toBe(
      'DECRYPTION_FAILED',
    )
  })

  it('fail on a blob too short or cut', () => {
    const key = randomBytes(32)
    const blob = seal(key, randomBytes(32), 'label')
    for (const size of [0, 1, 27, 28, blob.length - 1]) {
      const cut = blob.subarray(0, size)
      expect(codeOf(() => open(key, cut, 'label'))).toBe('DECRYPTION_FAILED')
    }
  })

  it('use a fresh IV each time', () => {
    const key = randomBytes(32)
    const plaintext = randomBytes(32)
    const a = seal(key, plaintext, 'label')
    const b = seal(key, plaintext, 'label')
    expect(a.equals(b)).toBe(false)
    expect(a.subarray(0, 12).equals(b.subarray(0, 12))).toBe(false)
  })

  it('reject a key that is not 32 bytes', () => {
    expect(() => seal(randomBytes(16), randomBytes(8), 'x')).toThrow(RangeError)
  })
})

describe('masterKeyId', () => {
  it('is a stable 16-hex-digit name that differs between keys', () => {
    const key = randomBytes(32)
    expect(masterKeyId(key)).toMatch(/^[0-9a-f]{16}$/)
    expect(masterKeyId(Buffer.from(key))).toBe(masterKeyId(key))
    expect(masterKeyId(randomBytes(32))).not.toBe(masterKeyId(key))
    expect(key.toString('hex')).not.toContain(masterKeyId(key))
  })
})

describe('sealWallet', () => {
  it('round-trips the entropy and the chain key', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const secrets = newSecrets()
    const sealed = sealWallet(master, walletId, secrets)

    expect(sealed.keyVersion).toBe(KEY_VERSION)
    expect(sealed.masterKeyId).toBe(master.id)
    expect(openSeed(master, walletId, sealed).equals(secrets.entropy)).toBe(
      true,
    )
    const chainKey = openChainKey(master, walletId, sealed)
    expect(chainKey.equals(secrets.chainKey)).toBe(true)
  })

  // Rows sealed today must open in every later release: the labels below
  // are part of the stored format.
  it('keeps the version 1 format', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const secrets = newSecrets()
    const sealed = sealWallet(master, walletId, secrets)

    const dataKey = open(
      master.key,
      sealed.wrappedDataKey,
      `custos/v1/data-key/${walletId}/${master.id}`,
    )
    const entropy = open(
      dataKey,
      sealed.seedCiphertext,
      `custos/v1/seed/${walletId}`,
    )
    const chainKey = open(
      dataKey,
      sealed.chainKeyCiphertext,
      `custos/v1/chain-key/${walletId}`,
    )
    expect(entropy).toEqual(secrets.entropy)
    expect(chainKey).toEqual(secrets.chainKey)
  })

  it('round-trips random secrets of any length', () => {
    const master = newMasterKey()
    for (let i = 0; i < 50; i++) {
      const walletId = randomUUID()
      const secrets = {
        entropy: randomBytes(16 + (i % 17)),
        chainKey: randomBytes(1 + i),
      }
      const sealed = sealWallet(master, walletId, secrets)
      expect(openSeed(master, walletId, sealed)).toEqual(secrets.entropy)
      expect(openChainKey(master, walletId, sealed)).toEqual(secrets.chainKey)
    }
  })

  it('gives new ciphertexts each time for the same secrets', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const secrets = newSecrets()
    const a = sealWallet(master, walletId, secrets)
    const b = sealWallet(master, walletId, secrets)
    for (const blob of BLOBS) expect(a[blob].equals(b[blob])).toBe(false)
  })

  it('fails to open under another wallet id', () => {
    const master = newMasterKey()
    const sealed = sealWallet(master, randomUUID(), newSecrets())
    for (const fn of openBoth(master, randomUUID(), sealed)) {
      expect(codeOf(fn)).toBe('DECRYPTION_FAILED')
    }
  })

  it('fails when any byte of any blob is flipped', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(master, walletId, newSecrets())
    for (const blob of BLOBS) {
      for (let at = 0; at < sealed[blob].length; at++) {
        const bytes = Buffer.from(sealed[blob])
        bytes[at] = (bytes[at] ?? 0) ^ (1 << (at % 8))
        const tampered = { ...sealed, [blob]: bytes }
        for (const read of READERS[blob]) {
          const code = codeOf(() => read(master, walletId, tampered))
          expect(code).toBe('DECRYPTION_FAILED')
        }
      }
    }
  })

  it('fails when a blob is moved from another wallet', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(master, walletId, newSecrets())
    const other = sealWallet(master, randomUUID(), newSecrets())
    for (const blob of BLOBS) {
      const mixed = { ...sealed, [blob]: other[blob] }
      for (const read of READERS[blob]) {
        const code = codeOf(() => read(master, walletId, mixed))
        expect(code).toBe('DECRYPTION_FAILED')
      }
    }
  })

  it('fails when the seed and chain key ciphertexts trade places', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(master, walletId, newSecrets())
    const swapped = {
      ...sealed,
      seedCiphertext: sealed.chainKeyCiphertext,
      chainKeyCiphertext: sealed.seedCiphertext,
    }
    for (const fn of openBoth(master, walletId, swapped)) {
      expect(codeOf(fn)).toBe('DECRYPTION_FAILED')
    }
  })

  it('names a master key mismatch before trying to decrypt', () => {
    const walletId = randomUUID()
    const sealed = sealWallet(newMasterKey(), walletId, newSecrets())
    for (const fn of openBoth(newMasterKey(), walletId, sealed)) {
      expect(codeOf(fn)).toBe('MASTER_KEY_MISMATCH')
    }
  })

  it('fails to decrypt under a key that forges the right id', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(master, walletId, newSecrets())
    const forged = { id: master.id, key: randomBytes(32) }
    for (const fn of openBoth(forged, walletId, sealed)) {
      expect(codeOf(fn)).toBe('DECRYPTION_FAILED')
    }
  })

  it('refuses a key version it does not know', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(master, walletId, newSecrets())
    for (const keyVersion of [0, KEY_VERSION + 1]) {
      for (const fn of openBoth(master, walletId, { ...sealed, keyVersion })) {
        expect(codeOf(fn)).toBe('UNSUPPORTED_KEY_VERSION')
      }
    }
  })

  it('never puts a secret in an error', () => {
    const master = newMasterKey()
    const walletId = randomUUID()
    const secrets = newSecrets()
    const sealed = sealWallet(master, walletId, secrets)
    const other = newMasterKey()
    const errors = [
      ...openBoth(master, randomUUID(), sealed),
      ...openBoth(other, walletId, sealed),
      ...openBoth({ id: master.id, key: other.key }, walletId, sealed),
      ...openBoth(master, walletId, { ...sealed, keyVersion: 2 }),
      () => open(master.key, sealed.seedCiphertext, 'label'),
    ].map(custodyError)

    const secretTexts = [master.key, other.key, ...Object.values(secrets)]
      .flatMap((secret) => [
        secret.toString('hex'),
        secret.toString('base64'),
        secret.toString('base64url'),
      ])
      .concat([master.id, other.id])
    for (const error of errors) {
      const text = `${error.message}\n${error.stack ?? ''}\n${String(error)}`
      for (const secret of secretTexts) expect(text).not.toContain(secret)
      expect(error.cause).toBeUndefined()
    }
  })
})

describe('account keys', () => {
  it('round-trip under the wallet data key', () => {
    const masterKey = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(masterKey, walletId, newSecrets())
    const privateKey = randomBytes(32)

    const keyCiphertext = sealAccountKey(
      masterKey,
      walletId,
      7,
      sealed,
      privateKey,
    )

    expect(
      openAccountKey(masterKey, walletId, 7, { ...sealed, keyCiphertext }),
    ).toEqual(privateKey)
  })

  it('are bound to their wallet and index', () => {
    const masterKey = newMasterKey()
    const walletId = randomUUID()
    const sealed = sealWallet(masterKey, walletId, newSecrets())
    const keyCiphertext = sealAccountKey(
      masterKey,
      walletId,
      1,
      sealed,
      randomBytes(32),
    )
    const other = sealWallet(masterKey, randomUUID(), newSecrets())

    const wrongIndex = custodyError(() =>
      openAccountKey(masterKey, walletId, 2, { ...sealed, keyCiphertext }),
    )
    const wrongWallet = custodyError(() =>
      openAccountKey(masterKey, walletId, 1, { ...other, keyCiphertext }),
    )

    expect(wrongIndex.code).toBe('DECRYPTION_FAILED')
    expect(wrongWallet.code).toBe('DECRYPTION_FAILED')
  })
})
