import type { InjectOptions } from 'fastify'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'
import { expectError, isGeneratedRequestId } from './helpers/http.js'
import { waitFor } from './helpers/signer.js'

const DEV_TOKEN_URL = '/v1/auth/dev-token'

function postJson(url: string, payload: string): InjectOptions {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload,
  }
}

describe('HTTP behaviour', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({}, (app) => {
      app.get('/test/boom', async () => {
        throw new Error('db password is hunter2')
      })
    })
  })
  afterAll(() => t.close())

  describe('error answers', () => {
    it.each<[string, InjectOptions, number, string]>([
      ['an unknown route', { url: '/v1/nothing-here' }, 404, 'NOT_FOUND'],
      [
        'an unknown method on a known path',
        { method: 'DELETE', url: '/healthz' },
        404,
        'NOT_FOUND',
      ],
      ['missing credentials', { url: '/v1/me' }, 401, 'UNAUTHENTICATED'],
      [
        'a malformed bearer token',
        { url: '/v1/me', headers: bearer('not-a-jwt') },
        401,
        'INVALID_TOKEN',
      ],
      [
        'invalid JSON',
        postJson(DEV_TOKEN_URL, '{"sub": '),
        400,
        'INVALID_JSON',
      ],
      ['an empty JSON body', postJson(DEV_TOKEN_URL, ''), 400, 'INVALID_JSON'],
      [
        'a body failing its schema',
        postJson(DEV_TOKEN_URL, '{"sub": ""}'),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a text/plain body',
        {
          method: 'POST',
          url: DEV_TOKEN_URL,
          headers: { 'content-type': 'text/plain' },
          payload: 'sub=alice',
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'an XML body',
        {
          method: 'POST',
          url: DEV_TOKEN_URL,
          headers: { 'content-type': 'application/xml' },
          payload: '<sub>alice</sub>',
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
    ])(
      'answers %s in the error shape',
      async (_case, request, status, code) => {
        const response = await t.app.inject(request)

        expectError(response, status, code)
        expect(isGeneratedRequestId(response.headers['x-request-id'])).toBe(
          true,
        )
      },
    )

    it('answers invalid JSON to an authenticated route with 400', async () => {
      const token = await devToken(t.app, unique('json'))

      const response = await t.app.inject({
        ...postJson('/v1/api-keys', '{"name": "unterminated'),
        headers: { ...bearer(token), 'content-type': 'application/json' },
      })

      expectError(response, 400, 'INVALID_JSON')
    })

    it('hides the cause of a 500 and logs it with the request id', async () => {
      const response = await t.app.inject({ url: '/test/boom' })

      expectError(response, 500, 'INTERNAL_ERROR')
      expect(response.payload).not.toContain('hunter2')
      expect(response.payload).not.toMatch(/stack|\bat .+:\d+:\d+/)
      const requestId = response.headers['x-request-id']
      expect(isGeneratedRequestId(requestId)).toBe(true)
      const logged = t.logs.find(
        (line) => line.reqId === requestId && line.level === 50,
      )
      expect(logged).toMatchObject({
        msg: 'request failed',
        err: { message: 'db password is hunter2' },
      })
    })
  })

  describe('request ids', () => {
    it("echoes a caller's well-formed id", async () => {
      const id = unique('trace:abc_1.2')

      const response = await t.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': id },
      })

      expect(response.headers['x-request-id']).toBe(id)
    })

    it.each([
      ['spaces', 'an id with spaces'],
      ['200 characters', 'a'.repeat(200)],
      ['a quote', 'id"injected'],
    ])('replaces an id with %s', async (_case, id) => {
      const response = await t.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': id },
      })

      const answered = response.headers['x-request-id']
      expect(answered).not.toBe(id)
      expect(isGeneratedRequestId(answered)).toBe(true)
    })

    it('makes a new id for every request without one', async () => {
      const first = await t.app.inject({ url: '/healthz' })
      const second = await t.app.inject({ url: '/healthz' })

      expect(isGeneratedRequestId(first.headers['x-request-id'])).toBe(true)
      expect(first.headers['x-request-id']).not.toBe(
        second.headers['x-request-id'],
      )
    })
  })

  describe('security headers', () => {
    it.each([
      ['a success', '/healthz'],
      ['an error', '/v1/nothing-here'],
    ])('are sent on %s', async (_case, url) => {
      const response = await t.app.inject({ url })

      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['content-security-policy']).toContain(
        "default-src 'none'",
      )
      expect(response.headers).toMatchObject({
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
      })
      expect(response.headers['x-powered-by']).toBeUndefined()
    })
  })

  describe('log redaction', () => {
    it('blanks secrets wherever a caller logs them', () => {
      const token = unique('abc')
      const apiKey = unique('def')
      const authorization = `Bearer ${unique('xyz')}`

      t.app.log.info(
        { token, apiKey, req: { headers: { authorization } } },
        'x',
      )

      const text = t.logText()
      expect(text).not.toContain(token)
      expect(text).not.toContain(apiKey)
      expect(text).not.toContain(authorization.slice('Bearer '.length))
      expect(text).toContain('[redacted]')
    })

    it('never logs the bearer credential of a request', async () => {
      const token = await devToken(t.app, unique('logged'))
      const forged = unique('forged-credential')

      expect(
        (await t.app.inject({ url: '/v1/me', headers: bearer(token) }))
          .statusCode,
      ).toBe(200)
      expect(
        (await t.app.inject({ url: '/v1/me', headers: bearer(forged) }))
          .statusCode,
      ).toBe(401)

      expect(t.logText()).not.toContain(token)
      expect(t.logText()).not.toContain(forged)
    })
  })
})

describe('body limit', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '2048' })
  })
  afterAll(() => t.close())

  it('refuses a body over BODY_LIMIT_BYTES with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: DEV_TOKEN_URL,
      payload: { sub: 'x'.repeat(3000) },
    })

    expectError(response, 413, 'PAYLOAD_TOO_LARGE')
    expect(isGeneratedRequestId(response.headers['x-request-id'])).toBe(true)
  })

  it('accepts a body under the limit', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: DEV_TOKEN_URL,
      payload: { sub: unique('x'.repeat(100)) },
    })

    expect(response.statusCode).toBe(200)
  })
})

describe('rate limiting', () => {
  let t: TestApp
  beforeAll(async () => {
    // A prefix of its own: other files' requests share the address budget.
    t = await startTestApp({
      RATE_LIMIT_MAX: '3',
      RATE_LIMIT_WINDOW_MS: '60000',
      REDIS_PREFIX: unique(inject('redisPrefix')),
    })
  })
  afterAll(() => t.close())

  it('limits each caller separately', async () => {
    const alice = await devToken(t.app, unique('alice'))
    const bob = await devToken(t.app, unique('bob'))
    const asAlice = () =>
      t.app.inject({ url: '/v1/me', headers: bearer(alice) })

    for (let i = 0; i < 3; i++) expect((await asAlice()).statusCode).toBe(200)
    const limited = await asAlice()
    const bobs = await t.app.inject({ url: '/v1/me', headers: bearer(bob) })

    expectError(limited, 429, 'RATE_LIMITED')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect(isGeneratedRequestId(limited.headers['x-request-id'])).toBe(true)
    expect(bobs.statusCode).toBe(200)
  })
})

describe('rate limiting across API processes', () => {
  let first: TestApp
  let second: TestApp
  let redis: Redis
  beforeAll(async () => {
    const env = {
      RATE_LIMIT_MAX: '5',
      RATE_LIMIT_WINDOW_MS: '60000',
      RATE_LIMIT_SYNC_MS: '20',
      REDIS_PREFIX: unique(inject('redisPrefix')),
    }
    first = await startTestApp(env)
    second = await startTestApp(env)
    redis = new Redis(inject('redisUrl'))
  })
  afterAll(async () => {
    await first.close()
    await second.close()
    redis.disconnect()
  })

  it('shares one budget through Redis', async () => {
    const from = '203.0.113.9'
    const ask = (t: TestApp) =>
      t.app.inject({ url: '/v1/config', remoteAddress: from })
    for (let i = 0; i < 3; i++) expect((await ask(first)).statusCode).toBe(200)

    const shared = `${first.config.redisPrefix}:rate:ip:${from}`
    await waitFor(async () => (await redis.get(shared)) === '3')

    expect((await ask(second)).statusCode).toBe(200)
    expect((await ask(second)).statusCode).toBe(200)
    expectError(await ask(second), 429, 'RATE_LIMITED')
  })
})

describe('CORS', () => {
  const allowed = 'https://app.example'
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: allowed })
  })
  afterAll(() => t.close())

  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/v1/me',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })

  it('admits a listed origin', async () => {
    const options = await preflight(allowed)
    const get = await t.app.inject({
      url: '/healthz',
      headers: { origin: allowed },
    })

    expect(options.statusCode).toBeLessThan(300)
    expect(options.headers['access-control-allow-origin']).toBe(allowed)
    expect(options.headers['access-control-allow-headers']).toContain(
      'authorization',
    )
    expect(get.headers['access-control-allow-origin']).toBe(allowed)
    expect(get.headers['access-control-expose-headers']).toContain(
      'x-request-id',
    )
  })

  it('gives any other origin no CORS headers', async () => {
    const evil = 'https://evil.example'

    const options = await preflight(evil)
    const get = await t.app.inject({
      url: '/healthz',
      headers: { origin: evil },
    })

    expect(options.headers['access-control-allow-origin']).toBeUndefined()
    expect(get.headers['access-control-allow-origin']).toBeUndefined()
  })
})
