import fc from 'fast-check'
import { keccak256, recoverAddress, toHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount, sign } from 'viem/accounts'
import { describe, expect, it } from 'vitest'

import { recoverSigner } from './recover-signer.js'

describe('recoverSigner', () => {
  it('recovers the address viem signs with, as viem recovers it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        async (message) => {
          const privateKey = generatePrivateKey()
          const digest = keccak256(toHex(message))
          const signature = await sign({
            hash: digest,
            privateKey,
            to: 'hex',
          })
          const expected = await recoverAddress({ hash: digest, signature })
          expect(recoverSigner(digest, signature)).toBe(expected)
          expect(expected).toBe(privateKeyToAccount(privateKey).address)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('refuses a signature of the wrong length or v', () => {
    const digest = keccak256('0x00')
    const body = 'ab'.repeat(64)
    expect(() => recoverSigner(digest, `0x${body}`)).toThrow()
    expect(() => recoverSigner(digest, `0x${body}1d` as Hex)).toThrow()
  })
})
