import { randomBytes } from 'node:crypto'

import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { HDKey } from '@scure/bip32'
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import type postgres from 'postgres'

import {
  masterKeyId,
  openChainKey,
  openSeed,
  type MasterKey,
  type SealedWallet,
} from '../../src/signer/custody/envelope.js'
import { toChecksumAddress } from '../../src/signer/custody/hd.js'

/** A master key as a signer reads it (base64) and as envelope.ts uses it. */
export interface TestMasterKey {
  base64: string
  key: MasterKey
}

export function newMasterKey(): TestMasterKey {
  const key = randomBytes(32)
  return { base64: key.toString('base64'), key: { id: masterKeyId(key), key } }
}

/** A wallet's key columns, as a signer stored them. */
export async function sealedWallet(
  sql: postgres.Sql,
  walletId: string,
): Promise<SealedWallet> {
  const [row] = await sql<SealedWallet[]>`
    select key_version as "keyVersion", master_key_id as "masterKeyId",
      wrapped_data_key as "wrappedDataKey",
      seed_ciphertext as "seedCiphertext",
      chain_key_ciphertext as "chainKeyCiphertext"
    from wallets where id = ${walletId}`
  if (!row?.seedCiphertext) throw new Error(`wallet ${walletId} is not sealed`)
  return row
}

/** Opens a wallet's stored seed (its entropy) with the test's master key. */
export async function storedEntropy(
  sql: postgres.Sql,
  masterKey: MasterKey,
  walletId: string,
): Promise<Buffer> {
  return openSeed(masterKey, walletId, await sealedWallet(sql, walletId))
}

/** Opens a wallet's stored chain key with the test's master key. */
export async function storedChainKey(
  sql: postgres.Sql,
  masterKey: MasterKey,
  walletId: string,
): Promise<Buffer> {
  return openChainKey(masterKey, walletId, await sealedWallet(sql, walletId))
}

/** Everything secret that follows from a wallet's entropy. */
export interface WalletSecrets {
  entropy: Uint8Array
  phrase: string
  /** The 64-byte BIP-39 seed. */
  seed: Uint8Array
  /** The node m/44'/60'/0'/0: private key, then chain code. */
  chainKey: Uint8Array
  /** Account private keys, by index. */
  privateKeys: Uint8Array[]
}

/**
 * Derives a wallet's secrets the textbook way, with @scure/bip39 and
 * @scure/bip32 instead of the signer's own hd.ts, so that a test compares
 * the signer's work with an independent result.
 */
export function walletSecrets(
  entropy: Uint8Array,
  accountCount: number,
): WalletSecrets {
  const phrase = entropyToMnemonic(entropy, wordlist)
  const seed = mnemonicToSeedSync(phrase)
  const chain = HDKey.fromMasterSeed(seed).derive("m/44'/60'/0'/0")
  const privateKeys = Array.from({ length: accountCount }, (_, index) => {
    const key = chain.deriveChild(index).privateKey
    if (!key) throw new Error('derived node has no private key')
    return key
  })
  if (!chain.privateKey || !chain.chainCode) throw new Error('no chain node')
  const chainKey = new Uint8Array([...chain.privateKey, ...chain.chainCode])
  return { entropy, phrase, seed, chainKey, privateKeys }
}

/** The address of m/44'/60'/0'/0/`index`, lower-case, from entropy. */
export function expectedAddress(entropy: Uint8Array, index: number): string {
  const seed = mnemonicToSeedSync(entropyToMnemonic(entropy, wordlist))
  const node = HDKey.fromMasterSeed(seed).derive(`m/44'/60'/0'/0/${index}`)
  if (!node.privateKey) throw new Error('derived node has no private key')
  return addressOf(node.privateKey)
}

/** An Ethereum address, lower-case: keccak-256 of the public point. */
export function addressOf(privateKey: Uint8Array): string {
  const point = secp256k1.getPublicKey(privateKey, false).subarray(1)
  return `0x${bytesToHex(keccak_256(point).subarray(-20))}`
}

/** True when `address` is written in its EIP-55 checksum casing. */
export function isChecksummed(address: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false
  return (
    toChecksumAddress(hexToBytes(address.slice(2).toLowerCase())) === address
  )
}
