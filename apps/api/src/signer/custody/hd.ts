import { createHash, createHmac, pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { wordlist } from '@scure/bip39/wordlists/english.js'

import { addToPrivateKey, isPrivateKey, publicKeyOf } from './secp256k1.js'

const pbkdf2Async = promisify(pbkdf2)

const ENTROPY_BYTES = 32
const WORD_BITS = 11
const SPACE = 0x20
// BIP-39 salt is 'mnemonic' followed by the passphrase; Custos uses none.
const SEED_SALT = 'mnemonic'
// BIP-32: the HMAC key of the master node, and the first hardened index.
const MASTER_SECRET = 'Bitcoin seed'
const HARDENED_OFFSET = 0x80000000
const NODE_BYTES = 64
// m/44'/60'/0'/0: BIP-44, Ethereum, first account, external chain.
const CHAIN_PATH = [
  44 + HARDENED_OFFSET,
  60 + HARDENED_OFFSET,
  HARDENED_OFFSET,
  0,
]

/** An Ethereum account of a wallet: its address and its private key. */
export interface DerivedAccount {
  address: string
  privateKey: Buffer
}

/** Fresh wallet entropy: 256 bits, a 24-word phrase. */
export function generateEntropy(): Buffer {
  return randomBytes(ENTROPY_BYTES)
}

/**
 * The English BIP-39 phrase of `entropy`, as bytes. It is assembled straight
 * into a Buffer so that it never exists as a string, which could not be
 * zeroed. The caller owns the Buffer and should zero it when done.
 */
export function mnemonicBytes(entropy: Uint8Array): Buffer {
  const indices = wordIndices(entropy)
  try {
    let length = indices.length - 1
    for (const index of indices) length += englishWord(index).length

    const phrase = Buffer.alloc(length)
    let offset = 0
    for (const index of indices) {
      if (offset > 0) phrase[offset++] = SPACE
      offset += phrase.write(englishWord(index), offset, 'ascii')
    }
    return phrase
  } finally {
    indices.fill(0)
  }
}

/** The BIP-39 seed of `entropy`'s phrase, with an empty passphrase. */
export async function seedFromEntropy(entropy: Uint8Array): Promise<Buffer> {
  const phrase = mnemonicBytes(entropy)
  try {
    return await pbkdf2Async(phrase, SEED_SALT, 2048, 64, 'sha512')
  } finally {
    phrase.fill(0)
  }
}

/**
 * The private key (32 bytes) followed by the chain code (32 bytes) of the
 * node m/44'/60'/0'/0. Accounts derive from it without the seed, which can
 * then stay sealed.
 */
export function deriveChainKey(seed: Uint8Array): Buffer {
  let node: Buffer = createHmac('sha512', MASTER_SECRET).update(seed).digest()
  if (!isPrivateKey(node.subarray(0, 32))) {
    node.fill(0)
    throw new Error('the seed gives no valid master key')
  }
  for (const index of CHAIN_PATH) {
    const parent = node
    try {
      node = childNode(parent, index)
    } finally {
      parent.fill(0)
    }
  }
  return node
}

/** The account at m/44'/60'/0'/0/`index`. The caller zeroes its key. */
export function deriveAccount(
  chainKey: Uint8Array,
  index: number,
): DerivedAccount {
  assertAccountIndex(index)
  if (chainKey.length !== NODE_BYTES) {
    throw new RangeError('chain key must be 64 bytes')
  }
  const child = childNode(chainKey, index)
  const privateKey = Buffer.from(child.subarray(0, 32))
  child.fill(0)

  const publicKey = publicKeyOf(privateKey, false)
  // The address hashes the point without its 0x04 "uncompressed" prefix.
  const address = keccak_256(publicKey.subarray(1)).subarray(-20)
  return { address: toChecksumAddress(address), privateKey }
}

/** The address at m/44'/60'/0'/0/`index`; its key is zeroed at once. */
export function deriveAddress(chainKey: Uint8Array, index: number): string {
  const { address, privateKey } = deriveAccount(chainKey, index)
  privateKey.fill(0)
  return address
}

/** The BIP-44 path of the account at `index`. */
export function accountPath(index: number): string {
  assertAccountIndex(index)
  return `m/44'/60'/0'/0/${index}`
}

/** A 20-byte address as EIP-55 mixed-case hex, prefixed with 0x. */
export function toChecksumAddress(address: Uint8Array): string {
  if (address.length !== 20) throw new RangeError('address must be 20 bytes')
  const hex = bytesToHex(address)
  const hash = bytesToHex(keccak_256(Buffer.from(hex, 'ascii')))
  // A letter is upper case where the hash's nibble at its place is >= 8.
  const chars = Array.from(hex, (char, i) =>
    parseInt(hash.charAt(i), 16) >= 8 ? char.toUpperCase() : char,
  )
  return `0x${chars.join('')}`
}

function assertAccountIndex(index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= HARDENED_OFFSET) {
    throw new RangeError('account index must be an integer in [0, 2^31)')
  }
}

/** The 11-bit word indices of entropy followed by its checksum bits. */
function wordIndices(entropy: Uint8Array): Uint16Array {
  const size = entropy.length
  if (size < 16 || size > 32 || size % 4 !== 0) {
    throw new RangeError('entropy must be 16, 20, 24, 28 or 32 bytes')
  }

  // The checksum is the first size/4 bits (at most 8) of SHA-256(entropy),
  // so the hash's first byte covers it; its spare bits are never read.
  const hash = createHash('sha256').update(entropy).digest()
  const bits = Buffer.alloc(size + 1)
  bits.set(entropy)
  bits.set(hash.subarray(0, 1), size)
  hash.fill(0)

  const indices = new Uint16Array((size * 8 + size / 4) / WORD_BITS)
  for (let i = 0; i < indices.length; i++) {
    indices[i] = readBits(bits, i * WORD_BITS, WORD_BITS)
  }
  bits.fill(0)
  return indices
}

function readBits(bytes: Buffer, offset: number, width: number): number {
  let value = 0
  for (let bit = offset; bit < offset + width; bit++) {
    value = (value << 1) | ((bytes.readUInt8(bit >> 3) >> (7 - (bit & 7))) & 1)
  }
  return value
}

function englishWord(index: number): string {
  const word = wordlist[index]
  // Unreachable: an 11-bit index always names one of the 2048 words.
  if (word === undefined) throw new Error('word index out of range')
  return word
}

/**
 * BIP-32 private child derivation. A node is its key followed by its chain
 * code, the layout of a chain key; the parent fingerprint is not kept, as
 * it only matters when serialising a node, which Custos never does. The
 * curve arithmetic is libsecp256k1's: pure-JS point multiplication here
 * took milliseconds per account.
 */
function childNode(parent: Uint8Array, index: number): Buffer {
  const key = parent.subarray(0, 32)
  const data = Buffer.alloc(37)
  if (index >= HARDENED_OFFSET) data.set(key, 1)
  else data.set(publicKeyOf(key, true))
  data.writeUInt32BE(index, 33)
  const child = createHmac('sha512', parent.subarray(32, NODE_BYTES))
    .update(data)
    .digest()
  data.fill(0)

  // The child key is the left half plus the parent's key, mod n. A left
  // half that is not a valid key, or a sum of zero, makes an invalid child
  // (odds below 2^-127): it is refused, as @scure/bip32 refuses it.
  const tweak = child.subarray(0, 32)
  const sum = Buffer.from(key)
  try {
    if (!isPrivateKey(tweak)) throw new Error('invalid HD child')
    addToPrivateKey(sum, tweak)
    tweak.set(sum)
    return child
  } catch (error) {
    child.fill(0)
    throw error
  } finally {
    sum.fill(0)
  }
}
