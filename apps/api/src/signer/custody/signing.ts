import { bytesToHex, hexToBytes, type Hex } from 'viem'

import { signRecoverable } from './secp256k1.js'

/** An ECDSA signature over secp256k1 in Ethereum's terms. */
export interface EthSignature {
  r: Hex
  s: Hex
  yParity: 0 | 1
}

/**
 * Signs a 32-byte digest (already hashed: EIP-191, EIP-712 or a
 * transaction's signing hash) with a private key held in bytes, so the key
 * never becomes a string that cannot be zeroed. Signatures are
 * deterministic (RFC 6979) and low-s.
 */
export function signDigest(privateKey: Uint8Array, digest: Hex): EthSignature {
  const bytes = hexToBytes(digest)
  if (bytes.length !== 32) throw new RangeError('digest must be 32 bytes')
  const { signature, recovery } = signRecoverable(bytes, privateKey)
  return {
    r: bytesToHex(signature.subarray(0, 32)),
    s: bytesToHex(signature.subarray(32, 64)),
    yParity: recovery,
  }
}

/** The 65-byte `r ‖ s ‖ v` form (v = 27 or 28) that wallets return. */
export function toSignatureHex({ r, s, yParity }: EthSignature): Hex {
  const v = (27 + yParity).toString(16)
  return `0x${r.slice(2)}${s.slice(2)}${v}`
}
