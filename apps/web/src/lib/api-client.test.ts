import { beforeEach, describe, expect, it, vi } from 'vitest'

import { fakeApi, apiError } from '@/test/fake-api'

import { api } from './api-client'
import { ApiError } from './api-error'
import { sessionStore } from './session'

beforeEach(() => {
  sessionStore.end('signed-out')
})

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(
    () => new Error('the call succeeded'),
    (thrown: unknown) => thrown,
  )
  if (!(error instanceof ApiError)) throw error
  return error
}

describe('the HTTP client', () => {
  it('sends the session token as a bearer credential', async () => {
    const { requests } = fakeApi({
      'GET /v1/me': () => ({ body: { id: 'u' } }),
    })
    sessionStore.start({ token: 'jwt-1', method: 'dev' })

    await api.GET('/v1/me')

    expect(requests[0]?.authorization).toBe('Bearer jwt-1')
  })

  it('throws error answers as ApiErrors with their code and request id', async () => {
    fakeApi({
      'GET /v1/wallets/:id': () => apiError(404, 'WALLET_NOT_FOUND', 'No'),
    })

    const error = await failure(
      api.GET('/v1/wallets/{id}', { params: { path: { id: 'w' } } }),
    )

    expect(error).toMatchObject({
      code: 'WALLET_NOT_FOUND',
      status: 404,
      message: 'No',
      requestId: 'req-1',
    })
  })

  it('names an answer that is not the API’s by its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response('<html>Bad gateway</html>', { status: 502 }),
        ),
      ),
    )

    expect(await failure(api.GET('/v1/me'))).toMatchObject({
      code: 'INTERNAL_ERROR',
      status: 502,
    })
  })

  it('turns a request that got no answer into NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )

    expect(await failure(api.GET('/v1/me'))).toMatchObject({
      code: 'NETWORK_ERROR',
      status: 0,
    })
  })

  it('ends the session when the API says its token expired', async () => {
    fakeApi({ 'GET /v1/me': () => apiError(401, 'TOKEN_EXPIRED') })
    sessionStore.start({ token: 'old', method: 'dev' })

    await failure(api.GET('/v1/me'))

    expect(sessionStore.get()).toEqual({ session: null, ended: 'expired' })
    expect(window.localStorage.getItem('custos.session')).toBeNull()
  })

  it('keeps the session through other refusals', async () => {
    fakeApi({ 'GET /v1/me': () => apiError(429, 'RATE_LIMITED') })
    sessionStore.start({ token: 'fine', method: 'dev' })

    await failure(api.GET('/v1/me'))

    expect(sessionStore.token()).toBe('fine')
  })
})
