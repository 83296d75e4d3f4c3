import { Type, type TSchema } from 'typebox'

export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable code; see docs/errors.md' }),
      message: Type.String(),
    }),
  },
  { description: 'An error' },
)

/**
 * Response schemas for the error statuses a route can answer with, merged
 * into the route's own `response` map.
 */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, ErrorResponseSchema]),
  )
}

/** The errors every authenticated route may answer with. */
export const authenticatedErrors = errorResponses(400, 401, 429, 503)

/**
 * Text with something besides white space in it, and no U+0000, which a
 * PostgreSQL text column cannot hold. Written so that no input makes the
 * match backtrack more than once over the text.
 */
export const VISIBLE_TEXT_PATTERN = '^\\s*[^\\s\\u0000][^\\u0000]*$'

export const IdParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
})

export const Timestamp = Type.String({ format: 'date-time' })

/** `?limit=&cursor=` of a list answered a page at a time, newest first. */
export const PageQuerySchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'nextCursor of the previous page',
      }),
    ),
  },
  { additionalProperties: false },
)

/** A page of `item`s and the cursor of the next page. */
export function pageSchema<T extends TSchema>(item: T) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as cursor for the next page; null on the last',
    }),
  })
}
