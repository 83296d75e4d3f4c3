import { describe, expect, it } from 'vitest'

import { signingDigest, type TypedData } from './sign-request.js'
import { InvalidTypedDataError } from './typed-data.js'

// The example of EIP-712 itself, with the digest the EIP gives for it.
const mail: TypedData = {
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  types: {
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallet', type: 'address' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person' },
      { name: 'contents', type: 'string' },
    ],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  },
}
const MAIL_DIGEST =
  '0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2'

const amounts = (message: Record<string, unknown>): TypedData => ({
  domain: { name: 'Token', chainId: 1 },
  types: {
    Transfer: [
      { name: 'amount', type: 'uint256' },
      { name: 'ids', type: 'uint8[2]' },
      { name: 'memo', type: 'bytes' },
    ],
  },
  primaryType: 'Transfer',
  message,
})

const typed = (typedData: TypedData) =>
  signingDigest({ kind: 'typed-data', typedData })

function invalid(typedData: TypedData): string {
  try {
    typed(typedData)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidTypedDataError)
    return (error as Error).message
  }
  throw new Error('the typed data was accepted')
}

describe('signingDigest', () => {
  it('hashes a message as EIP-191, text and raw bytes alike', () => {
    const text = signingDigest({
      kind: 'message',
      message: { text: 'hello world' },
    })
    const raw = signingDigest({
      kind: 'message',
      message: { raw: '0x68656c6c6f20776f726c64' },
    })

    expect(text).toBe(
      '0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68',
    )
    expect(raw).toBe(text)
  })

  it('hashes the example of EIP-712 to its published digest', () => {
    expect(typed(mail)).toBe(MAIL_DIGEST)
    expect(typed({ ...mail, domain: { ...mail.domain, chainId: '1' } })).toBe(
      MAIL_DIGEST,
    )
    // As wallets send it, with the domain's type spelled out.
    const EIP712Domain = [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ]
    expect(typed({ ...mail, types: { ...mail.types, EIP712Domain } })).toBe(
      MAIL_DIGEST,
    )
  })

  it('takes integers as numbers, decimal strings or hex strings alike', () => {
    const big = 2n ** 255n + 1n
    const digests = [
      { amount: big.toString(), ids: [1, 2], memo: '0x' },
      { amount: `0x${big.toString(16)}`, ids: ['1', '2'], memo: '0x' },
    ].map((message) => typed(amounts(message)))

    expect(new Set(digests).size).toBe(1)
    expect(typed(amounts({ amount: 1000, ids: [1, 2], memo: '0x00' }))).toBe(
      typed(amounts({ amount: '1000', ids: [1, 2], memo: '0x00' })),
    )
  })

  it('refuses values that viem would quietly convert', () => {
    const ok = { amount: '1', ids: [1, 2], memo: '0x' }
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...ok, amount: true }, /message\.amount must be an integer/],
      [{ ...ok, amount: 2 ** 53 }, /decimal strings/],
      [{ ...ok, amount: '1.5' }, /message\.amount/],
      [{ ...ok, ids: [1] }, /message\.ids must be 2 items/],
      [{ ...ok, ids: 'x' }, /message\.ids must be an array/],
      [{ ...ok, memo: 'hello' }, /message\.memo must be 0x-prefixed/],
      [{ amount: '1', ids: [1, 2] }, /message\.memo is missing/],
    ]
    for (const [message, reason] of cases) {
      expect(invalid(amounts(message))).toMatch(reason)
    }
    const person = { name: 'Bob', wallet: 5 }
    expect(
      invalid({ ...mail, message: { ...mail.message, to: person } }),
    ).toMatch(/message\.to\.wallet must be a string/)
  })

  it('refuses typed data that EIP-712 cannot hash', () => {
    const to = { name: 'Bob', wallet: 'bob' }
    expect(invalid({ ...mail, primaryType: 'Letter' })).toMatch(/Letter/)
    expect(invalid({ ...mail, message: { ...mail.message, to } })).toMatch(
      /bob/,
    )
    expect(invalid(amounts({ amount: '-1', ids: [1, 2], memo: '0x' }))).toMatch(
      /range/,
    )
    expect(invalid(amounts({ amount: 1, ids: [1, 256], memo: '0x' }))).toMatch(
      /range/,
    )
    expect(
      invalid({
        ...mail,
        types: { ...mail.types, Mail: [{ name: 'x', type: 'Letter' }] },
        message: { x: 'a' },
      }),
    ).toMatch(/Letter/)
  })
})
