import { randomBytes } from 'node:crypto'

import {
  bytesToHex,
  hashMessage,
  recoverAddress,
  serializeSignature,
  type Hex,
} from 'viem'
import { privateKeyToAccount, sign } from 'viem/accounts'
import { describe, expect, it } from 'vitest'

import { signDigest, toSignatureHex } from './signing.js'

describe('signDigest', () => {
  it('matches viem and recovers to the signing address', async () => {
    for (let round = 0; round < 20; round += 1) {
      const key = randomBytes(32)
      const keyHex = bytesToHex(key)
      const digest = hashMessage(`message ${round}`)

      const ours = toSignatureHex(signDigest(key, digest))
      const reference = serializeSignature(
        await sign({ hash: digest, privateKey: keyHex }),
      )

      expect(ours).toBe(reference)
      expect(await recoverAddress({ hash: digest, signature: ours })).toBe(
        privateKeyToAccount(keyHex).address,
      )
    }
  })

  it('signs a known vector', () => {
    const key = Buffer.from(
      'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
      'hex',
    )
    const digest: Hex = hashMessage('hello')

    const signature = signDigest(key, digest)

    expect(BigInt(signature.s)).toBeLessThanOrEqual(
      0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n,
    )
    expect(toSignatureHex(signature)).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/)
  })
})
