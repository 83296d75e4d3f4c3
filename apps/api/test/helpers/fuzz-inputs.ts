import fc from 'fast-check'

import type { JsonSchema } from './routes.js'

/** Text that has broken servers before: encodings, injections, limits. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'wallet\u0000name',
  '\ud800',
  'a\udfffb',
  '\u202eevil',
  '\r\n\r\nX-Injected: 1',
  '😀'.repeat(60),
  'Ω≈ç√∫˜µ≤≥÷',
  '%00',
  '%zz',
  '../../../etc/passwd',
  "' or 1=1 --",
  '"; drop table wallets; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '__proto__',
  'constructor',
  '0x',
  '0xzz',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  String(2n ** 256n),
  '9'.repeat(400),
  'x'.repeat(5000),
]

const HUGE_NUMBERS = [
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 31,
  2 ** 63,
  -0,
  0.5,
]

/** Any JSON value of a kind a field did not ask for. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.bigInt().map(String),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
)

/**
 * Values shaped by `schema`, each field at times replaced by a hostile
 * value, so that inputs reach past validation as well as fail it.
 */
export function shapedBy(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: wellTyped(schema), weight: 4 },
    { arbitrary: hostileValue, weight: 1 },
  )
}

function wellTyped(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(shapedBy))
  switch (schema.type) {
    case 'object':
      return objectOf(schema)
    case 'array':
      return fc.array(shapedBy(schema.items ?? {}), { maxLength: 4 })
    case 'string':
      return stringOf(schema)
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1e9, -1e9),
        max: Math.min(schema.maximum ?? 1e9, 1e9),
      })
    case 'number':
      return fc.double({ noNaN: true })
    case 'boolean':
      return fc.boolean()
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function objectOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {}
  const fields = Object.fromEntries(
    Object.entries(properties).map(([name, field]) => [name, shapedBy(field)]),
  )
  const record = fc.record(fields, {
    requiredKeys: (schema.required ?? []).filter((key) => key in properties),
  })
  const extra = fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, {
    maxKeys: 2,
  })
  return fc.oneof(
    { arbitrary: record, weight: 4 },
    {
      arbitrary: fc
        .tuple(record, extra)
        .map(([known, more]) => ({ ...more, ...known })),
      weight: 1,
    },
  )
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'email') return fc.emailAddress()
  if (schema.format === 'date-time') {
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString())
  }
  const text = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern))
    : fc.string({ unit: 'grapheme', maxLength: 60 })
  const fitted = text.map((value) => value.slice(0, schema.maxLength ?? 200))
  return fc.oneof(fitted, fc.tuple(fitted, oddCharacter).map(spliced))
}

// Characters that text columns, logs or terminals may choke on.
const oddCharacter = fc.constantFrom(
  '\u0000',
  '\u0000',
  '\u0007',
  '\ud800',
  '\u202e',
  '\ufeff',
  '\n',
)

function spliced([text, character]: [string, string]): string {
  const at = Math.floor(text.length / 2)
  return `${text.slice(0, at)}${character}${text.slice(at)}`
}

/** A request body: JSON, raw bytes under some content type, or none. */
export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; payload: string | Buffer }
  | { kind: 'none' }

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
]

const rawPayload: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '{"name":',
    '{"__proto__":{"admin":true},"name":"x"}',
    '{"constructor":{"prototype":{"admin":true}}}',
    '{"value":1e999}',
    `${'['.repeat(4000)}${']'.repeat(4000)}`,
    `{"name":"${'y'.repeat(70 * 1024)}"}`,
  ),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
)

export function bodyFor(
  schema: JsonSchema | undefined,
): fc.Arbitrary<FuzzBody> {
  const shaped = schema ? shapedBy(schema) : fc.jsonValue({ maxDepth: 3 })
  return fc.oneof(
    { arbitrary: shaped.map(json), weight: 6 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        contentType: fc.constantFrom(...CONTENT_TYPES),
        payload: rawPayload,
      }),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  )
}

function json(value: unknown): FuzzBody {
  return { kind: 'json', value }
}

/** Printable header text, as an HTTP client would let a caller send. */
export const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code < 0x7f || code > 0x9f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 300,
})

/** A path parameter: one of `known`, any uuid, or hostile text. */
export function pathParam(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known), weight: 4 },
    { arbitrary: fc.uuid(), weight: 2 },
    {
      arbitrary: fc
        .oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string())
        .map(encode),
      weight: 2,
    },
    { arbitrary: fc.constantFrom('%', '%zz', '%c0%af', '..', '.'), weight: 1 },
  )
}

/** A query string for the declared parameters, with extras and repeats. */
export function queryFor(
  parameters: Record<string, JsonSchema>,
): fc.Arbitrary<string> {
  const names = [...Object.keys(parameters), 'x', '__proto__']
  const pair = fc.tuple(
    fc.constantFrom(...names),
    fc.oneof(
      ...Object.values(parameters).map(shapedBy),
      fc.constantFrom(...HOSTILE_STRINGS),
    ),
  )
  return fc
    .array(pair, { maxLength: 4 })
    .map((pairs) =>
      pairs
        .map(
          ([name, value]) =>
            `${encode(name)}=${encode(
              typeof value === 'string' ? value : JSON.stringify(value),
            )}`,
        )
        .join('&'),
    )
}

/**
 * Percent-encodes text as a client would; a lone surrogate, which has no
 * UTF-8 form, goes as U+FFFD, as a browser sends it.
 */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'))
}
