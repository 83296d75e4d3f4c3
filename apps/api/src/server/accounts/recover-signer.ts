import { createRequire } from 'node:module'

import { getAddress, hexToBytes, keccak256, type Address, type Hex } from 'viem'

/** The one call of the `secp256k1` package (libsecp256k1) used here. */
interface NativeRecover {
  ecdsaRecover(
    signature: Uint8Array,
    recovery: number,
    digest: Uint8Array,
    compressed: boolean,
  ): Uint8Array
}

// Loaded directly, not through the package's entry point, which would fall
// back to a pure-JS curve that blocks the event loop for milliseconds.
const native = createRequire(import.meta.url)(
  'secp256k1/bindings.js',
) as NativeRecover

/**
 * The address whose key made `signature` (r ‖ s ‖ v, v = 27 or 28) over a
 * 32-byte digest. Public-key arithmetic only: no key material is involved.
 * Throws when the signature is malformed or recovers to no point.
 */
export function recoverSigner(digest: Hex, signature: Hex): Address {
  const bytes = hexToBytes(signature)
  const v = bytes[64]
  if (bytes.length !== 65 || (v !== 27 && v !== 28)) {
    throw new Error('signature must be r ‖ s ‖ v with v = 27 or 28')
  }
  const publicKey = native.ecdsaRecover(
    bytes.subarray(0, 64),
    v - 27,
    hexToBytes(digest),
    false,
  )
  // The address hashes the point without its 0x04 "uncompressed" prefix.
  return getAddress(`0x${keccak256(publicKey.subarray(1)).slice(-40)}`)
}
