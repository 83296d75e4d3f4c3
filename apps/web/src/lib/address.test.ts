import { describe, expect, it } from 'vitest'

import { parseAddress, shortAddress } from './address'

// Anvil's first account, in its EIP-55 form.
const CHECKSUMMED = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'

describe('parseAddress', () => {
  it('takes a checksummed address as it is', () => {
    expect(parseAddress(CHECKSUMMED)).toEqual({
      ok: true,
      address: CHECKSUMMED,
    })
  })

  it('takes an all-lowercase address, and checksums it', () => {
    expect(parseAddress(CHECKSUMMED.toLowerCase())).toEqual({
      ok: true,
      address: CHECKSUMMED,
    })
  })

  it('refuses all-uppercase, as the API does', () => {
    const upper = `0x${CHECKSUMMED.slice(2).toUpperCase()}`

    expect(parseAddress(upper)).toMatchObject({ ok: false })
  })

  it('ignores white space around a pasted address', () => {
    expect(parseAddress(`  ${CHECKSUMMED}\n`)).toMatchObject({ ok: true })
  })

  it('is only unfinished while empty', () => {
    expect(parseAddress('')).toEqual({ ok: false, reason: null })
  })

  it.each([
    ['f39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'An address starts with 0x.'],
    [
      '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb9226',
      'An address has 40 characters after 0x; this has 39.',
    ],
    [`${CHECKSUMMED}6`, 'An address has 40 characters after 0x; this has 41.'],
    [
      '0xg39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      'After 0x, an address has only the digits 0–9 and letters a–f.',
    ],
    ['0x', 'An address has 40 characters after 0x; this has 0.'],
  ])('refuses %j, saying why', (input, reason) => {
    expect(parseAddress(input)).toEqual({ ok: false, reason })
  })

  it('catches a mistyped letter through the checksum', () => {
    const mistyped = CHECKSUMMED.replace('f39F', 'f39f')

    expect(parseAddress(mistyped)).toEqual({
      ok: false,
      reason:
        'Its capital letters do not match its checksum: it may be ' +
        'mistyped. Paste it again from its source.',
    })
  })
})

describe('shortAddress', () => {
  it('keeps the ends a person compares', () => {
    expect(shortAddress(CHECKSUMMED)).toBe('0xf39F…2266')
  })
})
