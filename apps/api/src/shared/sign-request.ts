import { Type, type Static } from 'typebox'
import {
  hashMessage,
  hashTypedData,
  type Hex,
  type TypedDataDefinition,
} from 'viem'

import { checkTypedData, InvalidTypedDataError } from './typed-data.js'

/** The most bytes of message one request may ask to have signed. */
export const MAX_MESSAGE_BYTES = 65_536

export const MessageTextSchema = Type.String({
  minLength: 1,
  maxLength: MAX_MESSAGE_BYTES,
  description: 'Text, signed as its UTF-8 bytes',
})

export const MessageRawSchema = Type.String({
  pattern: '^0x([0-9a-fA-F]{2})+$',
  maxLength: 2 + 2 * MAX_MESSAGE_BYTES,
  description: 'Bytes as 0x-prefixed, even-length hex',
})

const Address = Type.String({ pattern: '^0x[0-9a-fA-F]{40}$' })

/** An EIP-712 document, as JSON; integers may be numbers or strings. */
export const TypedDataSchema = Type.Object(
  {
    domain: Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 1024 })),
        version: Type.Optional(Type.String({ maxLength: 1024 })),
        chainId: Type.Optional(
          Type.Union([
            Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
            Type.String({ pattern: '^(0|[1-9][0-9]{0,77})$' }),
          ]),
        ),
        verifyingContract: Type.Optional(Address),
        salt: Type.Optional(Type.String({ pattern: '^0x[0-9a-fA-F]{64}$' })),
      },
      { additionalProperties: false },
    ),
    types: Type.Record(
      Type.String(),
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 256 }),
            type: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
      ),
      { description: 'Struct name to its fields, in order' },
    ),
    primaryType: Type.String({ minLength: 1, maxLength: 256 }),
    message: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
)
export type TypedData = Static<typeof TypedDataSchema>

/**
 * What a caller asks a signer to sign. It is the caller's own data, not a
 * secret, and it is never a digest: the signer hashes it itself, so a sign
 * request can only ever yield an EIP-191 or EIP-712 signature, never one
 * over a transaction.
 */
export const SignRequestSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('message'),
      message: Type.Union([
        Type.Object(
          { text: MessageTextSchema },
          { additionalProperties: false },
        ),
        Type.Object({ raw: MessageRawSchema }, { additionalProperties: false }),
      ]),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('typed-data'), typedData: TypedDataSchema },
    { additionalProperties: false },
  ),
])
export type SignRequest = Static<typeof SignRequestSchema>

/**
 * The 32-byte digest to sign for a request: EIP-191 for a message, EIP-712
 * for typed data. The API calls it to refuse bad typed data before
 * queueing, the signer to get what it signs; both get the same answer.
 * Throws InvalidTypedDataError for typed data that cannot be hashed.
 */
export function signingDigest(request: SignRequest): Hex {
  if (request.kind === 'message') {
    const { message } = request
    return 'text' in message
      ? hashMessage(message.text)
      : hashMessage({ raw: message.raw as Hex })
  }
  checkTypedData(request.typedData)
  try {
    // viem types typed data from literal types; this arrives as JSON.
    return hashTypedData(request.typedData as unknown as TypedDataDefinition)
  } catch (error) {
    throw new InvalidTypedDataError(describe(error))
  }
}

// viem's short messages name the offending type or value, which is the
// caller's own data; its long ones add docs links and a version line.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'The typed data cannot be hashed'
  const short = (error as { shortMessage?: unknown }).shortMessage
  const text = typeof short === 'string' ? short : error.message
  return text.split('\n')[0]?.slice(0, 200) ?? error.name
}
