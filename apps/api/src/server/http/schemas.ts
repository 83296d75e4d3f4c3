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

export const IdParamsSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
})

export const Timestamp = Type.String({ format: 'date-time' })
