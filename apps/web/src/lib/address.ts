import { getAddress, isAddress, type Address } from 'viem'

export type AddressResult =
  { ok: true; address: Address } | { ok: false; reason: string | null }

const HEX_ADDRESS = /^0x[0-9a-fA-F]{40}$/

/**
 * Checks a typed recipient as the API will: `0x` and 40 hexadecimal
 * digits, and in mixed case it must match its EIP-55 checksum, which
 * catches most mistyped or half-pasted addresses. `reason` is null for an
 * empty field. The address comes back checksummed.
 */
export function parseAddress(input: string): AddressResult {
  const text = input.trim()
  if (text === '') return { ok: false, reason: null }
  if (!text.startsWith('0x')) {
    return { ok: false, reason: 'An address starts with 0x.' }
  }
  if (/[^0-9a-fA-F]/.test(text.slice(2))) {
    return {
      ok: false,
      reason: 'After 0x, an address has only the digits 0–9 and letters a–f.',
    }
  }
  const digits = text.length - 2
  if (digits !== 40) {
    return {
      ok: false,
      reason: `An address has 40 characters after 0x; this has ${digits}.`,
    }
  }
  if (!HEX_ADDRESS.test(text) || !isAddress(text, { strict: true })) {
    return {
      ok: false,
      reason:
        'Its capital letters do not match its checksum: it may be ' +
        'mistyped. Paste it again from its source.',
    }
  }
  return { ok: true, address: getAddress(text) }
}

/** `0x1234…abcd`: enough to recognise an address at a glance. */
export function shortAddress(address: string): string {
  return address.length <= 12
    ? address
    : `${address.slice(0, 6)}…${address.slice(-4)}`
}
