import { inject } from 'vitest'

// A few direct calls to the run's API: to set up what a screen shows, and
// to check from outside the browser what the UI did.

export interface CallOptions {
  body?: unknown
  /** A session token or an API key. */
  token?: string
}

/** One API call, answered with its status and parsed body. */
export async function call<T = unknown>(
  method: string,
  path: string,
  { body, token }: CallOptions = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, inject('baseUrl')), {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token !== undefined && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  }
}

/** Like {@link call}, but any answer other than 2xx is an error. */
export async function succeed<T>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const answer = await call<T>(method, path, options)
  if (answer.status >= 300) {
    const body = JSON.stringify(answer.body)
    throw new Error(`${method} ${path} answered ${answer.status}: ${body}`)
  }
  return answer.body
}

/** A session token of the development issuer for `user`. */
export async function devToken(user: string): Promise<string> {
  const { token } = await succeed<{ token: string }>(
    'POST',
    '/v1/auth/dev-token',
    { body: { sub: user } },
  )
  return token
}

/** Calls `check` until it returns something, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
