import { createRequire } from 'node:module'

/**
 * The part of the `secp256k1` package (bindings to libsecp256k1) that
 * custody uses. Its own types are not installed; these mirror its API.
 */
interface NativeSecp256k1 {
  privateKeyVerify(privateKey: Uint8Array): boolean
  /** Adds `tweak` to `privateKey` mod n, in place; throws on zero. */
  privateKeyTweakAdd(privateKey: Uint8Array, tweak: Uint8Array): Uint8Array
  publicKeyCreate(privateKey: Uint8Array, compressed: boolean): Uint8Array
  ecdsaSign(
    digest: Uint8Array,
    privateKey: Uint8Array,
  ): { signature: Uint8Array; recid: number }
}

// The package's entry point falls back to a pure-JS curve when the native
// module fails to load, silently and ten times slower. The bindings are
// loaded directly instead, so that a missing binary stops the signer.
const native = createRequire(import.meta.url)(
  'secp256k1/bindings.js',
) as NativeSecp256k1

/** True when `key` is a valid private key: in [1, n). */
export function isPrivateKey(key: Uint8Array): boolean {
  return native.privateKeyVerify(key)
}

/** `key` + `tweak` mod n, written into `key`; throws if either is invalid. */
export function addToPrivateKey(key: Uint8Array, tweak: Uint8Array): void {
  native.privateKeyTweakAdd(key, tweak)
}

/** The public key of `privateKey`: 33 bytes compressed, else 65. */
export function publicKeyOf(
  privateKey: Uint8Array,
  compressed: boolean,
): Uint8Array {
  return native.publicKeyCreate(privateKey, compressed)
}

/**
 * An RFC 6979 deterministic, low-s ECDSA signature of a 32-byte digest:
 * r ‖ s (64 bytes) and the recovery id.
 */
export function signRecoverable(
  digest: Uint8Array,
  privateKey: Uint8Array,
): { signature: Uint8Array; recovery: 0 | 1 } {
  const { signature, recid } = native.ecdsaSign(digest, privateKey)
  // Ids 2 and 3 need an r above n, which no key finds in practice; they
  // cannot be told apart in Ethereum's one-bit y parity, so they are refused.
  if (recid !== 0 && recid !== 1) throw new Error('unusable recovery id')
  return { signature, recovery: recid }
}
