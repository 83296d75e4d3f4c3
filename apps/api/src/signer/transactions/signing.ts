import {
  keccak256,
  serializeTransaction,
  type Address,
  type Hash,
  type Hex,
  type TransactionSerializableEIP1559,
} from 'viem'

import type { Fees } from '../../shared/fees.js'
import { signDigest } from '../custody/signing.js'

/** An EIP-1559 transaction ready to be signed. */
export interface UnsignedTransaction extends Fees {
  chainId: number
  nonce: number
  to: Address
  value: bigint
  data: Hex | undefined
  gas: bigint
}

export interface SignedTransaction {
  /** The serialized, signed transaction: public, what a node is sent. */
  raw: Hex
  hash: Hash
}

/**
 * Signs an EIP-1559 transaction with a key held in bytes. Signatures are
 * deterministic (RFC 6979): the same fields signed twice give the same
 * transaction and hash, so two signers racing on one send agree.
 */
export function signTransaction(
  privateKey: Uint8Array,
  unsigned: UnsignedTransaction,
): SignedTransaction {
  const fields: TransactionSerializableEIP1559 = {
    type: 'eip1559',
    chainId: unsigned.chainId,
    nonce: unsigned.nonce,
    to: unsigned.to,
    value: unsigned.value,
    data: unsigned.data,
    gas: unsigned.gas,
    maxFeePerGas: unsigned.maxFeePerGas,
    maxPriorityFeePerGas: unsigned.maxPriorityFeePerGas,
  }
  const digest = keccak256(serializeTransaction(fields))
  const raw = serializeTransaction(fields, signDigest(privateKey, digest))
  return { raw, hash: keccak256(raw) }
}

// 12.5%: geth asks 10% more of a replacement, other clients up to 12.5%.
const BUMP_PER_MILLE = 125n

/**
 * Fees for a replacement: each field at least 12.5% above the attempt it
 * replaces, as nodes require, and no less than what the chain asks now.
 */
export function replacementFees(previous: Fees, current: Fees): Fees {
  const bump = (fee: bigint) => fee + (fee * BUMP_PER_MILLE + 999n) / 1000n
  const tip = max(
    bump(previous.maxPriorityFeePerGas),
    current.maxPriorityFeePerGas,
  )
  const cap = max(bump(previous.maxFeePerGas), current.maxFeePerGas, tip)
  return { maxFeePerGas: cap, maxPriorityFeePerGas: tip }
}

function max(...values: bigint[]): bigint {
  return values.reduce((a, b) => (a > b ? a : b))
}
