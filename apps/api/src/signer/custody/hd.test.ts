import { randomBytes } from 'node:crypto'

import { secp256k1 } from '@noble/curves/secp256k1.js'
import { keccak_256 } from '@noble/hashes/sha3.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { HDKey } from '@scure/bip32'
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39'
import { wordlist } from '@scure/bip39/wordlists/english.js'
import { describe, expect, it } from 'vitest'

import {
  accountPath,
  deriveAccount,
  deriveAddress,
  deriveChainKey,
  generateEntropy,
  mnemonicBytes,
  seedFromEntropy,
  toChecksumAddress,
} from './hd.js'

// Hardhat's and Foundry's default development mnemonic.
const DEV_MNEMONIC =
  'test test test test test test test test test test test junk'

const SIZES = [16, 20, 24, 28, 32]

function fill(size: number, byte: number): Buffer {
  return Buffer.alloc(size, byte)
}

/** The account at `index` derived by @scure/bip32 alone, as a reference. */
function referenceAccount(seed: Uint8Array, index: number) {
  const node = HDKey.fromMasterSeed(seed).derive(`m/44'/60'/0'/0/${index}`)
  const privateKey = node.privateKey
  if (!privateKey) throw new Error('reference node has no private key')
  const point = secp256k1.getPublicKey(privateKey, false).subarray(1)
  const address = `0x${bytesToHex(keccak_256(point).subarray(12))}`
  return { address, privateKey: bytesToHex(privateKey) }
}

describe('generateEntropy', () => {
  it('makes 32 fresh random bytes', () => {
    const a = generateEntropy()
    const b = generateEntropy()
    expect(a).toHaveLength(32)
    expect(a.equals(b)).toBe(false)
  })
})

describe('mnemonicBytes', () => {
  it('spells known BIP-39 phrases', () => {
    expect(mnemonicBytes(fill(32, 0)).toString()).toBe(
      `${'abandon '.repeat(23)}art`,
    )
    expect(mnemonicBytes(fill(32, 0xff)).toString()).toBe(
      `${'zoo '.repeat(23)}vote`,
    )
    expect(mnemonicBytes(fill(16, 0x7f)).toString()).toBe(
      'legal winner thank year wave sausage worth useful legal winner ' +
        'thank yellow',
    )
  })

  it('matches @scure/bip39 on fixed entropy of every size', () => {
    for (const size of SIZES) {
      for (const byte of [0x00, 0x7f, 0x80, 0xff]) {
        const entropy = fill(size, byte)
        const expected = entropyToMnemonic(entropy, wordlist)
        expect(mnemonicBytes(entropy).toString()).toBe(expected)
      }
    }
  })

  it('matches @scure/bip39 on random entropy', () => {
    for (let i = 0; i < 200; i++) {
      const size = SIZES[i % SIZES.length] ?? 32
      const entropy = randomBytes(size)
      const expected = Buffer.from(entropyToMnemonic(entropy, wordlist))
      expect(mnemonicBytes(entropy).equals(expected)).toBe(true)
    }
  })

  it('gives 24 words for generated entropy', () => {
    const words = mnemonicBytes(generateEntropy()).toString().split(' ')
    expect(words).toHaveLength(24)
  })

  it('rejects entropy of a size BIP-39 does not define', () => {
    for (const size of [0, 15, 17, 33, 64]) {
      expect(() => mnemonicBytes(fill(size, 1))).toThrow(RangeError)
    }
  })
})

describe('seedFromEntropy', () => {
  it('matches @scure/bip39 for all-zero entropy', async () => {
    const entropy = fill(32, 0)
    const expected = mnemonicToSeedSync(entropyToMnemonic(entropy, wordlist))
    const seed = await seedFromEntropy(entropy)
    expect(seed).toHaveLength(64)
    expect(bytesToHex(seed)).toBe(bytesToHex(expected))
  })

  it('matches @scure/bip39 on random entropy', async () => {
    for (let i = 0; i < 5; i++) {
      const entropy = generateEntropy()
      const mnemonic = entropyToMnemonic(entropy, wordlist)
      const seed = await seedFromEntropy(entropy)
      expect(bytesToHex(seed)).toBe(bytesToHex(mnemonicToSeedSync(mnemonic)))
    }
  })
})

describe('deriveChainKey', () => {
  it("is the key and chain code of m/44'/60'/0'/0", () => {
    const seed = randomBytes(64)
    const node = HDKey.fromMasterSeed(seed).derive("m/44'/60'/0'/0")
    const chainKey = deriveChainKey(seed)
    expect(chainKey).toHaveLength(64)
    expect(bytesToHex(chainKey.subarray(0, 32))).toBe(
      bytesToHex(node.privateKey ?? new Uint8Array()),
    )
    expect(bytesToHex(chainKey.subarray(32))).toBe(
      bytesToHex(node.chainCode ?? new Uint8Array()),
    )
  })
})

describe('deriveAccount', () => {
  it('gives the well-known development accounts', () => {
    const chainKey = deriveChainKey(mnemonicToSeedSync(DEV_MNEMONIC))

    const first = deriveAccount(chainKey, 0)
    expect(first.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
    expect(bytesToHex(first.privateKey)).toBe(
      'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    )
    expect(deriveAccount(chainKey, 1).address).toBe(
      '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    )
  })

  it('matches an independent derivation from the seed', async () => {
    const seed = await seedFromEntropy(generateEntropy())
    const chainKey = deriveChainKey(seed)
    for (const index of [0, 1, 2, 1000]) {
      const expected = referenceAccount(seed, index)
      const account = deriveAccount(chainKey, index)
      expect(account.address.toLowerCase()).toBe(expected.address)
      expect(account.address).toBe(
        toChecksumAddress(Buffer.from(expected.address.slice(2), 'hex')),
      )
      expect(bytesToHex(account.privateKey)).toBe(expected.privateKey)
      expect(deriveAddress(chainKey, index)).toBe(account.address)
    }
  })

  it('reaches the last non-hardened index', () => {
    const chainKey = deriveChainKey(randomBytes(64))
    expect(deriveAddress(chainKey, 2 ** 31 - 1)).toMatch(/^0x[0-9a-f]{40}$/i)
  })

  it('leaves the chain key untouched', () => {
    const chainKey = deriveChainKey(randomBytes(64))
    const copy = Buffer.from(chainKey)
    deriveAccount(chainKey, 7)
    expect(chainKey.equals(copy)).toBe(true)
  })

  it('rejects an index outside [0, 2^31)', () => {
    const chainKey = deriveChainKey(randomBytes(64))
    for (const index of [-1, 1.5, 2 ** 31, NaN, Infinity]) {
      expect(() => deriveAccount(chainKey, index)).toThrow(RangeError)
      expect(() => deriveAddress(chainKey, index)).toThrow(RangeError)
      expect(() => accountPath(index)).toThrow(RangeError)
    }
  })

  it('rejects a chain key of the wrong size', () => {
    expect(() => deriveAccount(randomBytes(32), 0)).toThrow(RangeError)
  })
})

describe('accountPath', () => {
  it('names the BIP-44 Ethereum path', () => {
    expect(accountPath(0)).toBe("m/44'/60'/0'/0/0")
    expect(accountPath(1000)).toBe("m/44'/60'/0'/0/1000")
  })
})

describe('toChecksumAddress', () => {
  it('matches the EIP-55 examples', () => {
    const examples = [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
      '0x52908400098527886E0F7030069857D2E4169EE7',
      '0xde709f2102306220921060314715629080e2fb77',
    ]
    for (const example of examples) {
      const bytes = Buffer.from(example.slice(2), 'hex')
      expect(toChecksumAddress(bytes)).toBe(example)
    }
  })

  it('rejects anything but 20 bytes', () => {
    expect(() => toChecksumAddress(new Uint8Array(19))).toThrow(RangeError)
  })
})
