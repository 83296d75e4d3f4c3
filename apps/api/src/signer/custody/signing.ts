import { secp256k1 } from '@noble/curves/secp256k1.js'
import { bytesToHex, hexToBytes, type Hex } from 'viem'

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
  const recovered = secp256k1.sign(hexToBytes(digest), privateKey, {
    prehash: false,
    lowS: true,
    format: 'recovered',
  })
  // 'recovered' is the recovery byte followed by r and s.
  const recovery = recovered[0]
  return {
    r: bytesToHex(recovered.subarray(1, 33)),
    s: bytesToHex(recovered.subarray(33, 65)),
    yParity: recovery === 1 ? 1 : 0,
  }
}

/** The 65-byte `r ‖ s ‖ v` form (v = 27 or 28) that wallets return. */
export function toSignatureHex({ r, s, yParity }: EthSignature): Hex {
  const v = (27 + yParity).toString(16)
  return `0x${r.slice(2)}${s.slice(2)}${v}`
}
