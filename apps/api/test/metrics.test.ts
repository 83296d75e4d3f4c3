import { randomUUID } from 'node:crypto'

import { Worker } from 'bullmq'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import {
  queueConnection,
  queuePrefix,
  WALLET_CREATE_QUEUE,
} from '../src/shared/queues.js'
import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'
import { expectError } from './helpers/http.js'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

function basic(username: string, password: string) {
  const credential = Buffer.from(`${username}:${password}`).toString('base64')
  return { authorization: `Basic ${credential}` }
}

/** The value of the first series of `name` whose labels include `labels`. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string>,
): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) && wanted.every((label) => l.includes(label)),
    )
  return line === undefined ? undefined : Number(line.split(' ').at(-1))
}

function expectAdminChallenge(response: {
  headers: Record<string, unknown>
}): void {
  expect(response.headers['www-authenticate']).toBe(
    'Basic realm="custos-admin"',
  )
}

describe('observability', () => {
  let t: TestApp
  let admin: { authorization: string }
  beforeAll(async () => {
    // Queue counts live in Redis: a prefix of this file's own keeps other
    // test files' jobs out of them.
    t = await startTestApp({
      REDIS_PREFIX: unique(`${inject('redisPrefix')}-metrics`),
    })
    admin = basic(t.config.admin.username, t.config.admin.password)
  })
  afterAll(() => t.close())

  async function scrape(): Promise<string> {
    const response = await t.app.inject({ url: '/metrics', headers: admin })
    expect(response.statusCode).toBe(200)
    return response.body
  }

  describe('GET /metrics', () => {
    it('asks for the admin credential', async () => {
      const response = await t.app.inject({ url: '/metrics' })

      expectError(response, 401, 'UNAUTHENTICATED')
      expectAdminChallenge(response)
    })

    it.each([
      ['a wrong password', () => basic(t.config.admin.username, 'wrong')],
      ['a wrong username', () => basic('root', t.config.admin.password)],
      ['a bearer token', () => bearer('anything')],
    ])('refuses %s', async (_case, headers) => {
      const response = await t.app.inject({
        url: '/metrics',
        headers: headers(),
      })

      expectError(response, 401, 'UNAUTHENTICATED')
      expectAdminChallenge(response)
    })

    it('serves Prometheus text to the admin', async () => {
      const response = await t.app.inject({ url: '/metrics', headers: admin })

      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/plain/)
      expect(response.body).toContain('process_cpu_user_seconds_total')
    })

    it('times requests by route pattern, never by raw URL', async () => {
      const token = await devToken(t.app, unique('metrics'))
      await t.app.inject({ url: '/v1/me', headers: bearer(token) })
      await t.app.inject({
        url: `/v1/wallets/${randomUUID()}`,
        headers: bearer(token),
      })
      await t.app.inject({ url: `/v1/nothing/${randomUUID()}` })

      const text = await scrape()

      const count = 'custos_http_request_duration_seconds_count'
      expect(sample(text, count, { route: '/v1/me' })).toBeGreaterThan(0)
      expect(
        sample(text, count, { route: '/v1/wallets/:id', status_code: '404' }),
      ).toBeGreaterThan(0)
      expect(
        sample(text, count, { route: '(unmatched)', status_code: '404' }),
      ).toBeGreaterThan(0)
      const routes = [...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1])
      expect(routes.filter((route) => UUID.test(route ?? ''))).toEqual([])
    })

    it('counts waiting jobs per queue', async () => {
      const token = await devToken(t.app, unique('metrics'))
      const created = await t.app.inject({
        method: 'POST',
        url: '/v1/wallets',
        headers: bearer(token),
        payload: { name: 'metrics' },
      })
      expect(created.statusCode).toBe(202)

      const text = await scrape()

      // No signer runs in tests, so the job stays waiting.
      const waiting = { queue: WALLET_CREATE_QUEUE, state: 'waiting' }
      expect(sample(text, 'custos_queue_jobs', waiting)).toBeGreaterThan(0)
      expect(
        sample(text, 'custos_queue_jobs', {
          queue: 'account.derive',
          state: 'failed',
        }),
      ).toBe(0)
    })

    it('records the duration a finished job reports', async () => {
      const series = { queue: WALLET_CREATE_QUEUE, outcome: 'done' }
      const countName = 'custos_job_duration_seconds_count'
      const before = sample(await scrape(), countName, series) ?? 0
      // Stands in for a signer: finishes every job at once.
      const worker = new Worker(
        WALLET_CREATE_QUEUE,
        async () => ({ outcome: 'done', durationMs: 12 }),
        {
          prefix: queuePrefix(t.config.redisPrefix),
          connection: queueConnection(t.config.redisUrl),
        },
      )
      try {
        const token = await devToken(t.app, unique('metrics'))
        await t.app.inject({
          method: 'POST',
          url: '/v1/wallets',
          headers: bearer(token),
          payload: { name: 'timed' },
        })

        await expect
          .poll(async () => sample(await scrape(), countName, series) ?? 0, {
            timeout: 5000,
          })
          .toBeGreaterThan(before)
        const sum = sample(
          await scrape(),
          'custos_job_duration_seconds_sum',
          series,
        )
        expect(sum).toBeGreaterThanOrEqual(0.012)
      } finally {
        await worker.close()
      }
    })

    it('leaves out the OpenAPI document', async () => {
      const response = await t.app.inject({ url: '/openapi.json' })

      const paths = Object.keys(
        response.json<{ paths: Record<string, unknown> }>().paths,
      )
      expect(paths.filter((p) => /^\/(metrics|admin)\b/.test(p))).toEqual([])
    })
  })

  describe('queue dashboard', () => {
    it('asks for the admin credential', async () => {
      for (const url of ['/admin/queues', '/admin/queues/api/queues']) {
        const response = await t.app.inject({ url })

        expectError(response, 401, 'UNAUTHENTICATED')
        expectAdminChallenge(response)
      }
    })

    it('serves a page whose scripts load under its policy', async () => {
      const page = await t.app.inject({ url: '/admin/queues', headers: admin })

      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      const policy = String(page.headers['content-security-policy'])
      expect(policy).toMatch(/script-src 'self'/)
      expect(policy).toMatch(/style-src 'self'/)
      const base = /<base href="([^"]+)"/.exec(page.body)?.[1]
      const main = /<script[^>]+src="([^"]*main[^"]*\.js)"/.exec(page.body)?.[1]
      expect(base).toBe('/admin/queues/')
      expect(main).toBeDefined()

      const script = await t.app.inject({
        url: `${base}${main}`,
        headers: admin,
      })
      expect(script.statusCode).toBe(200)
      expect(script.headers['content-type']).toMatch(/javascript/)
    })

    it('lists the queues through its API', async () => {
      const response = await t.app.inject({
        url: '/admin/queues/api/queues',
        headers: admin,
      })

      expect(response.statusCode).toBe(200)
      const names = response
        .json<{ queues: { name: string }[] }>()
        .queues.map((queue) => queue.name)
      expect(names).toEqual(
        expect.arrayContaining(['wallet.create', 'account.derive']),
      )
    })

    it('keeps the strict policy on the rest of the API', async () => {
      const response = await t.app.inject({ url: '/healthz' })

      expect(response.headers['content-security-policy']).toMatch(
        /default-src 'none'/,
      )
      expect(response.headers['content-security-policy']).not.toMatch(
        /script-src/,
      )
    })
  })
})

describe('GET /metrics while Redis is down', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' })
  })
  afterAll(() => t.close())

  it('answers quickly, without queue counts', async () => {
    const started = Date.now()
    const response = await t.app.inject({
      url: '/metrics',
      headers: basic(t.config.admin.username, t.config.admin.password),
    })

    expect(response.statusCode).toBe(200)
    expect(Date.now() - started).toBeLessThan(3000)
    expect(response.body).toContain('process_cpu_user_seconds_total')
    expect(response.body).not.toMatch(/^custos_queue_jobs\{/m)
  })
})
