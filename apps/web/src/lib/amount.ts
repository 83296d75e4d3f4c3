import { formatUnits, parseUnits } from 'viem'

export type AmountResult =
  { ok: true; wei: bigint } | { ok: false; reason: string | null }

const DECIMAL = /^(\d*)(?:\.(\d*))?$/

/**
 * Reads an amount typed in whole units (ether, for 18 decimals) as wei.
 * `reason` says what is wrong, in words; it is null for an empty field,
 * which is not wrong yet, only unfinished.
 */
export function parseAmount(input: string, decimals: number): AmountResult {
  const text = input.trim()
  if (text === '') return { ok: false, reason: null }
  if (text.includes(',')) {
    return { ok: false, reason: 'Use a dot for decimals, without commas.' }
  }
  if (text.startsWith('-')) {
    return { ok: false, reason: 'The amount cannot be negative.' }
  }
  const match = DECIMAL.exec(text)
  const whole = match?.[1] ?? ''
  const fraction = match?.[2] ?? ''
  if (!match || (whole === '' && fraction === '')) {
    return { ok: false, reason: 'Enter a number, such as 0.25.' }
  }
  if (fraction.length > decimals) {
    return {
      ok: false,
      reason: `Use at most ${decimals} digits after the dot.`,
    }
  }
  const wei = parseUnits(`${whole || '0'}.${fraction || '0'}`, decimals)
  if (wei === 0n) {
    return { ok: false, reason: 'Enter an amount greater than zero.' }
  }
  return { ok: true, wei }
}

/**
 * Wei in whole units, with thousands grouped and at most `digits`
 * fractional digits, never rounding a non-zero amount down to zero.
 */
export function formatAmount(
  wei: bigint,
  decimals: number,
  digits = 6,
): string {
  const [whole = '0', fraction = ''] = formatUnits(wei, decimals).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const shown = fraction.slice(0, digits).replace(/0+$/, '')
  if (shown === '' && fraction !== '' && whole === '0') {
    return `< 0.${'0'.repeat(digits - 1)}1`
  }
  return shown === '' ? grouped : `${grouped}.${shown}`
}
