import { describe, expect, it } from 'vitest'

import { formatAmount, parseAmount } from './amount'

describe('parseAmount', () => {
  it.each([
    ['1', 10n ** 18n],
    ['0.5', 5n * 10n ** 17n],
    ['.25', 25n * 10n ** 16n],
    ['2.', 2n * 10n ** 18n],
    [' 1.000000000000000001 ', 10n ** 18n + 1n],
    ['0.000000000000000001', 1n],
    ['123456789', 123456789n * 10n ** 18n],
  ])('reads %j as wei', (input, wei) => {
    expect(parseAmount(input, 18)).toEqual({ ok: true, wei })
  })

  it('is only unfinished, not wrong, while empty', () => {
    expect(parseAmount('', 18)).toEqual({ ok: false, reason: null })
    expect(parseAmount('   ', 18)).toEqual({ ok: false, reason: null })
  })

  it.each([
    ['abc', 'Enter a number, such as 0.25.'],
    ['.', 'Enter a number, such as 0.25.'],
    ['1e18', 'Enter a number, such as 0.25.'],
    ['0x10', 'Enter a number, such as 0.25.'],
    ['1.2.3', 'Enter a number, such as 0.25.'],
    ['-1', 'The amount cannot be negative.'],
    ['1,5', 'Use a dot for decimals, without commas.'],
    ['1,000', 'Use a dot for decimals, without commas.'],
    ['0', 'Enter an amount greater than zero.'],
    ['0.000', 'Enter an amount greater than zero.'],
  ])('refuses %j, saying why', (input, reason) => {
    expect(parseAmount(input, 18)).toEqual({ ok: false, reason })
  })

  it('refuses more decimals than the coin has rather than rounding', () => {
    expect(parseAmount('0.0000000000000000001', 18)).toEqual({
      ok: false,
      reason: 'Use at most 18 digits after the dot.',
    })
    expect(parseAmount('1.123', 2)).toEqual({
      ok: false,
      reason: 'Use at most 2 digits after the dot.',
    })
    expect(parseAmount('1.12', 2)).toEqual({ ok: true, wei: 112n })
  })
})

describe('formatAmount', () => {
  it('shows whole units, grouping thousands and trimming zeros', () => {
    expect(formatAmount(10n ** 18n, 18)).toBe('1')
    expect(formatAmount(1234567n * 10n ** 17n, 18)).toBe('123,456.7')
    expect(formatAmount(0n, 18)).toBe('0')
  })

  it('cuts to the digits asked for', () => {
    expect(formatAmount(123456789n * 10n ** 10n, 18)).toBe('1.234567')
    expect(formatAmount(123456789n * 10n ** 10n, 18, 2)).toBe('1.23')
    expect(formatAmount(10n ** 18n + 1n, 18, 18)).toBe('1.000000000000000001')
  })

  it('never shows a small non-zero amount as zero', () => {
    expect(formatAmount(1n, 18)).toBe('< 0.000001')
    expect(formatAmount(21000n * 10n ** 9n, 18)).toBe('0.000021')
  })
})
