import { createHash, pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { HARDENED_OFFSET, HDKey } from '@scure/bip32'
import { wordlist } from '@scure/bip39/wordlists/english.js'

const pbkdf2Async = promisify(pbkdf2)

const ENTROPY_BYTES = 32
const WORD_BITS = 11
const SPACE = 0x20
// BIP-39 salt is 'mnemonic' followed by the passphrase; Custos uses none.
const SEED_SALT = 'mnemonic'
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
  let node = HDKey.fromMasterSeed(seed)
  for (const index of CHAIN_PATH) {
    const parent = node
    try {
      node = parent.deriveChild(index)
    } finally {
      parent.wipePrivateData()
    }
  }

  const chainCode = node.chainCode
  const privateKey = takePrivateKey(node)
  try {
    if (!chainCode) throw new Error('HD node has no chain code')
    const chainKey = Buffer.alloc(64)
    chainKey.set(privateKey)
    chainKey.set(chainCode, 32)
    return chainKey
  } finally {
    privateKey.fill(0)
    chainCode?.fill(0)
  }
}

/** The account at m/44'/60'/0'/0/`index`. The caller zeroes its key. */
export function deriveAccount(
  chainKey: Uint8Array,
  index: number,
): DerivedAccount {
  assertAccountIndex(index)
  const chain = chainNode(chainKey)
  let child: HDKey
  try {
    child = chain.deriveChild(index)
  } finally {
    chain.wipePrivateData()
  }

  const privateKey = takePrivateKey(child)
  const publicKey = secp256k1.getPublicKey(privateKey, false)
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

function chainNode(chainKey: Uint8Array): HDKey {
  if (chainKey.length !== 64) throw new RangeError('chain key must be 64 bytes')
  // Depth and index match m/44'/60'/0'/0. The parent fingerprint is not
  // kept: it only matters when serialising the node, which Custos never does.
  return new HDKey({
    depth: CHAIN_PATH.length,
    index: 0,
    privateKey: chainKey.subarray(0, 32),
    chainCode: chainKey.subarray(32),
  })
}

/** Copies the node's private key out, then wipes the node. */
function takePrivateKey(node: HDKey): Buffer {
  const key = node.privateKey
  node.wipePrivateData()
  if (!key) throw new Error('HD node has no private key')
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength)
}
