import createClient, { type Middleware } from 'openapi-fetch'

import { ApiError } from './api-error'
import type { paths } from './api-schema'
import { sessionStore } from './session'

// Answers meaning the session's token is no good any more: the person has
// to sign in again. Other 401s (an API key's) do not come from this UI.
const SESSION_ENDING_CODES = new Set([
  'TOKEN_EXPIRED',
  'INVALID_TOKEN',
  'UNAUTHENTICATED',
  'ADDITIONAL_AUTH_REQUIRED',
])

const session: Middleware = {
  onRequest({ request }) {
    const token = sessionStore.token()
    if (token !== null) request.headers.set('authorization', `Bearer ${token}`)
    return request
  },
  async onResponse({ request, response }) {
    if (response.ok) return undefined
    const error = await ApiError.fromResponse(response)
    const sentToken = request.headers.has('authorization')
    if (sentToken && SESSION_ENDING_CODES.has(error.code)) {
      sessionStore.end('expired')
    }
    throw error
  },
  onError({ error }) {
    if (error instanceof ApiError) return error
    return ApiError.network(error)
  },
}

/**
 * The one HTTP client of the UI, typed from the API's OpenAPI document.
 * Every request carries the session's token; every error answer is
 * thrown as an ApiError, so a call that returns has succeeded.
 */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  // Looked up on each call, so that tests can replace fetch.
  fetch: (request) => globalThis.fetch(request),
})
api.use(session)

/**
 * The body of a successful call. The client throws on every error, so
 * `data` is only missing for an answer without a body.
 */
export function dataOf<T>(result: { data?: T }): T {
  if (result.data === undefined) {
    throw new ApiError('BAD_REQUEST', 'The answer had no body', 0)
  }
  return result.data
}
