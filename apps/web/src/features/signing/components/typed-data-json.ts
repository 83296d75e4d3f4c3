import type { TypedDataRequest } from '@/lib/api-types'

export type TypedDataParse =
  { ok: true; typedData: TypedDataRequest } | { ok: false; reason: string }

const FIELDS = ['domain', 'types', 'primaryType', 'message'] as const

/**
 * Reads the editor's text as a typed-data request, saying in words what
 * keeps it from being one. Whether it hashes as EIP-712 the server checks.
 */
export function parseTypedDataJson(text: string): TypedDataParse {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : ''
    return { ok: false, reason: `This is not valid JSON${detail}.` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'The JSON must be an object.' }
  }
  const missing = FIELDS.filter((field) => !(field in value))
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `It needs ${missing.map((field) => `"${field}"`).join(', ')}.`,
    }
  }
  const extra = Object.keys(value).filter(
    (key) => !(FIELDS as readonly string[]).includes(key),
  )
  if (extra.length > 0) {
    return {
      ok: false,
      reason: `Only domain, types, primaryType and message belong here, not ${extra.map((key) => `"${key}"`).join(', ')}.`,
    }
  }
  if (typeof (value as { primaryType: unknown }).primaryType !== 'string') {
    return { ok: false, reason: '"primaryType" must be a string.' }
  }
  return { ok: true, typedData: value as TypedDataRequest }
}
