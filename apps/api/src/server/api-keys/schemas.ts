import { Type } from 'typebox'

import { Timestamp, VISIBLE_TEXT_PATTERN } from '../http/schemas.js'
import { displayPrefix } from '../auth/api-key.js'
import type { ApiKey } from './api-key-service.js'

export const ApiKeySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'The start of the key, to recognise it' }),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
})

export const CreatedApiKeySchema = Type.Intersect([
  ApiKeySchema,
  Type.Object({
    key: Type.String({
      description: 'The key itself. It is shown only in this response.',
    }),
  }),
])

export const CreateApiKeyBodySchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: VISIBLE_TEXT_PATTERN,
    }),
  },
  { additionalProperties: false },
)

export const ApiKeyListSchema = Type.Object({ data: Type.Array(ApiKeySchema) })

/** The public view of a key: never its hash. */
export function toApiKeyView(apiKey: ApiKey): Type.Static<typeof ApiKeySchema> {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: displayPrefix(apiKey.id),
    createdAt: apiKey.createdAt.toISOString(),
    lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
    revokedAt: apiKey.revokedAt?.toISOString() ?? null,
  }
}
