import { Type } from 'typebox'

import {
  MAX_MESSAGE_BYTES,
  MessageRawSchema,
  MessageTextSchema,
  TypedDataSchema,
} from '../../shared/sign-request.js'

/**
 * The largest sign-message body: a message of the largest size in hex,
 * with room for the JSON around it. Above BODY_LIMIT_BYTES's default, so
 * that a message over the limit is answered by the schema (400) rather
 * than by the body limit (413).
 */
export const SIGN_MESSAGE_BODY_LIMIT = 2 * MAX_MESSAGE_BYTES + 4096

export const SignMessageBodySchema = Type.Object(
  {
    message: Type.Union([
      MessageTextSchema,
      Type.Object({ raw: MessageRawSchema }, { additionalProperties: false }),
    ]),
  },
  { additionalProperties: false },
)

export const SignTypedDataBodySchema = TypedDataSchema

export const SignatureSchema = Type.Object({
  signature: Type.String({
    pattern: '^0x[0-9a-f]{130}$',
    description: '65 bytes, r ‖ s ‖ v with v = 27 or 28, as hex',
  }),
})
