import { getTypesForEIP712Domain } from 'viem'

/** Typed data that cannot be hashed as EIP-712; the message says why. */
export class InvalidTypedDataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InvalidTypedDataError'
  }
}

interface Field {
  name: string
  type: string
}

interface TypedDataShape {
  domain: Record<string, unknown>
  types: Record<string, Field[]>
  primaryType: string
  message: Record<string, unknown>
}

const INTEGER = /^u?int[0-9]*$/
const BYTES = /^bytes[0-9]*$/
const HEX_BYTES = /^0x([0-9a-fA-F]{2})*$/
const INTEGER_TEXT = /^(-?(0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$/
const ARRAY = /^(.+)\[([0-9]*)\]$/

/**
 * Checks that every value has the JSON type its EIP-712 type calls for.
 * viem converts loosely (true as the integer 1, a number as a string, a
 * missing field as empty), so without this a caller could sign something
 * other than what they sent. Ranges, address formats and unknown types are
 * left to viem's own checks, run when hashing.
 */
export function checkTypedData(typedData: TypedDataShape): void {
  const { domain, types, primaryType, message } = typedData
  const domainType = types.EIP712Domain ?? getTypesForEIP712Domain({ domain })
  checkStruct(types, domainType, domain, 'domain')
  if (primaryType === 'EIP712Domain') return
  const fields = Object.hasOwn(types, primaryType) && types[primaryType]
  if (!fields) {
    throw new InvalidTypedDataError(
      `primaryType ${primaryType} is not one of the types`,
    )
  }
  checkStruct(types, fields, message, 'message')
}

function checkStruct(
  types: Record<string, Field[]>,
  fields: Field[],
  value: unknown,
  path: string,
): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(path, 'an object')
  }
  const record = value as Record<string, unknown>
  for (const { name, type } of fields) {
    if (!Object.hasOwn(record, name)) {
      throw new InvalidTypedDataError(`${path}.${name} is missing`)
    }
    checkValue(types, type, record[name], `${path}.${name}`)
  }
}

function checkValue(
  types: Record<string, Field[]>,
  type: string,
  value: unknown,
  path: string,
): void {
  const array = ARRAY.exec(type)
  if (array) {
    const [, item = '', length] = array
    if (!Array.isArray(value)) throw invalid(path, `an array (${type})`)
    if (length && value.length !== Number(length)) {
      throw invalid(path, `${length} items`)
    }
    value.forEach((entry, i) => checkValue(types, item, entry, `${path}[${i}]`))
    return
  }
  const struct = Object.hasOwn(types, type) ? types[type] : undefined
  if (struct) return checkStruct(types, struct, value, path)
  if (!matchesAtom(type, value)) throw invalid(path, atomExpectation(type))
}

function matchesAtom(type: string, value: unknown): boolean {
  if (type === 'string' || type === 'address') return typeof value === 'string'
  if (type === 'bool') return typeof value === 'boolean'
  if (BYTES.test(type)) {
    return typeof value === 'string' && HEX_BYTES.test(value)
  }
  if (INTEGER.test(type)) {
    return typeof value === 'number'
      ? Number.isSafeInteger(value)
      : typeof value === 'string' && INTEGER_TEXT.test(value)
  }
  // Not an EIP-712 type: viem names it when hashing.
  return true
}

function atomExpectation(type: string): string {
  if (BYTES.test(type)) return `0x-prefixed, even-length hex (${type})`
  if (INTEGER.test(type)) {
    return `an integer (${type}); give integers past 2^53 as decimal strings`
  }
  return `a ${type === 'bool' ? 'boolean' : 'string'} (${type})`
}

function invalid(path: string, expected: string): InvalidTypedDataError {
  return new InvalidTypedDataError(`${path} must be ${expected}`)
}
