import { randomBytes } from 'node:crypto'

import { secp256k1 } from '@noble/curves/secp256k1.js'
import { HDKey } from '@scure/bip32'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { deriveAccount, deriveChainKey } from './hd.js'
import {
  addToPrivateKey,
  isPrivateKey,
  publicKeyOf,
  signRecoverable,
} from './secp256k1.js'

// The native binding must agree with the pure-JS reference libraries on
// every key, point and signature: these tests compare them on vectors.

const N = secp256k1.Point.CURVE().n
const privateKeyArbitrary = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((key) => secp256k1.utils.isValidSecretKey(key))

describe('the native secp256k1 binding', () => {
  it('makes the same public keys as @noble/curves', () => {
    fc.assert(
      fc.property(privateKeyArbitrary, fc.boolean(), (key, compressed) => {
        expect(publicKeyOf(key, compressed)).toEqual(
          secp256k1.getPublicKey(key, compressed),
        )
      }),
    )
  })

  it('makes the same signatures as @noble/curves', () => {
    fc.assert(
      fc.property(
        privateKeyArbitrary,
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (key, digest) => {
          const expected = secp256k1.sign(digest, key, {
            prehash: false,
            lowS: true,
            format: 'recovered',
          })
          const { signature, recovery } = signRecoverable(digest, key)
          expect(recovery).toBe(expected[0])
          expect(signature).toEqual(expected.subarray(1))
        },
      ),
    )
  })

  it('adds keys mod n', () => {
    const key = Buffer.alloc(32)
    key.writeBigUInt64BE(1n, 24)
    const tweak = Buffer.from((N - 2n).toString(16), 'hex')
    addToPrivateKey(key, tweak)
    expect(key.toString('hex')).toBe((N - 1n).toString(16))
    addToPrivateKey(key, Buffer.from(key))
    expect(key.toString('hex')).toBe((N - 2n).toString(16))
  })

  it('refuses zero and keys of n or more', () => {
    expect(isPrivateKey(Buffer.alloc(32))).toBe(false)
    expect(isPrivateKey(Buffer.from(N.toString(16), 'hex'))).toBe(false)
    expect(isPrivateKey(Buffer.alloc(32, 0xff))).toBe(false)
    expect(isPrivateKey(randomBytes(32))).toBe(true)
  })
})

describe('HD derivation through the binding', () => {
  it('matches @scure/bip32 on random seeds and indices', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 64 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (seed, index) => {
          const expected = HDKey.fromMasterSeed(seed).derive(
            `m/44'/60'/0'/0/${index}`,
          )
          const chainKey = deriveChainKey(seed)
          const { privateKey } = deriveAccount(chainKey, index)
          expect(privateKey).toEqual(Buffer.from(expected.privateKey ?? []))
        },
      ),
      { numRuns: 200 },
    )
  })
})
