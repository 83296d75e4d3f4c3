/** A code the UI raises itself, for a request that got no answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR'

/**
 * An error answer from the API (`{ error: { code, message } }`), or a
 * request that never got one. Every failed call throws one of these.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** The x-request-id header, to find the request in the server's log. */
    readonly requestId: string | null = null,
    /** Seconds to wait, from retry-after, when rate-limited. */
    readonly retryAfter: number | null = null,
  ) {
    super(message)
  }

  /** Reads an error answer; a body of another shape still yields an error. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null)
    const error = isErrorBody(body) ? body.error : undefined
    const retryAfter = Number(response.headers.get('retry-after'))
    return new ApiError(
      error?.code ??
        (response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'),
      error?.message ?? response.statusText,
      response.status,
      response.headers.get('x-request-id'),
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    )
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(NETWORK_ERROR, 'No answer from the server', 0)
    error.cause = cause
    return error
  }
}

function isErrorBody(
  body: unknown,
): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false
  }
  const { error } = body
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  )
}
