import { vi } from 'vitest'

/** What a fake route answers: a JSON body, with 200 unless told. */
export interface FakeAnswer {
  status?: number
  body: unknown
}

export type FakeHandler = (
  request: Request,
  params: Record<string, string>,
) => FakeAnswer | Promise<FakeAnswer>

/** A request the page made, as the server would have seen it. */
export interface SeenRequest {
  method: string
  path: string
  authorization: string | null
  body: unknown
}

/**
 * Stands in for the API in component tests: `routes` maps
 * `'METHOD /v1/path/:param'` to a handler. Anything else answers the
 * API's JSON 404. Every request is recorded in `requests`.
 */
export function fakeApi(routes: Record<string, FakeHandler>) {
  const requests: SeenRequest[] = []
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method = 'GET', pattern = '/'] = key.split(' ')
    const names: string[] = []
    const source = pattern.replace(/:([a-zA-Z]+)/g, (_match, name: string) => {
      names.push(name)
      return '([^/]+)'
    })
    return { method, regex: new RegExp(`^${source}$`), names, handler }
  })

  const fetch = vi.fn(async (input: Request) => {
    const url = new URL(input.url)
    const text = await input.clone().text()
    requests.push({
      method: input.method,
      path: url.pathname + url.search,
      authorization: input.headers.get('authorization'),
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    })
    for (const route of table) {
      const match = route.regex.exec(url.pathname)
      if (route.method !== input.method || !match) continue
      const params = Object.fromEntries(
        route.names.map((name, index) => [name, match[index + 1] ?? '']),
      )
      const answer = await route.handler(input, params)
      return json(answer.body, answer.status ?? 200)
    }
    return json({ error: { code: 'NOT_FOUND', message: 'Nothing here' } }, 404)
  })
  vi.stubGlobal('fetch', fetch)
  return { requests, fetch }
}

function json(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
  })
}

/** An error answer as the API gives it. */
export function apiError(status: number, code: string, message = code) {
  return { status, body: { error: { code, message } } }
}

export const DEV_CONFIG = {
  auth: { dynamicEnvironmentId: null, devIssuer: true },
  devFaucet: true,
}

export const ANVIL = {
  id: 31337,
  name: 'Anvil',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  explorerUrl: null,
  confirmations: 1,
}
