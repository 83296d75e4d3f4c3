import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import errors from '../src/server/plugins/errors.js'
import security from '../src/server/plugins/security.js'
import webUi from '../src/server/plugins/web-ui.js'
import { startTestApp, type TestApp } from './helpers/app.js'

const PAGE = `<!doctype html>
<html><head><title>Custos</title><script type="module" src="/assets/app-1a2b.js"></script></head>
<body><div id="root"></div></body></html>
`

/** A build of the UI as Vite lays it out: a page, hashed assets, files. */
async function fakeBuild(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'custos-web-'))
  await mkdir(path.join(root, 'assets'))
  await writeFile(path.join(root, 'index.html'), PAGE)
  await writeFile(path.join(root, 'assets', 'app-1a2b.js'), 'export {}\n')
  await writeFile(path.join(root, 'theme.js'), 'void 0\n')
  return root
}

/** The plugins the UI's serving depends on, and one API route. */
async function appWith(root: string, dynamic = false) {
  const app = Fastify({ logger: false })
  await app.register(errors)
  await app.register(security, { corsOrigins: [] })
  app.get('/v1/ping', async () => ({ pong: true }))
  await app.register(webUi, { root, dynamic })
  await app.ready()
  return app
}

function directives(policy: string | undefined): Map<string, string> {
  return new Map(
    (policy ?? '').split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ')
      return [name, sources.join(' ')]
    }),
  )
}

describe('with the UI built', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWith(await fakeBuild())
  })
  afterAll(() => app.close())

  it('serves the page at / with a policy for its own files only', async () => {
    const response = await app.inject({ url: '/' })

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(PAGE)
    const policy = directives(response.headers['content-security-policy'])
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('style-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(response.headers['content-security-policy']).not.toContain('dynamic')
  })

  it('answers the UI routes with the same page', async () => {
    for (const url of ['/wallets/3f0c', '/accounts/x?chain=1', '/sign-in']) {
      const response = await app.inject({ url })

      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toBe(PAGE)
    }
  })

  it('serves hashed assets to be cached for good, other files not', async () => {
    const asset = await app.inject({ url: '/assets/app-1a2b.js' })
    const file = await app.inject({ url: '/theme.js' })

    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    )
    expect(file.statusCode).toBe(200)
    expect(file.headers['cache-control']).toBe('public, max-age=0')
  })

  it('answers a missing file with a JSON 404, not the page', async () => {
    for (const url of ['/assets/gone-0000.js', '/favicon.ico']) {
      const response = await app.inject({ url })

      expect(response.statusCode, url).toBe(404)
      expect(response.json(), url).toMatchObject({
        error: { code: 'NOT_FOUND' },
      })
    }
  })

  it('refuses to serve files outside the build', async () => {
    const response = await app.inject({ url: '/assets/..%2f..%2fetc/passwd' })

    expect(response.statusCode).toBeGreaterThanOrEqual(400)
    expect(response.body).not.toContain('root:')
  })

  it('leaves API paths to the API: unknown ones stay JSON 404s', async () => {
    const known = await app.inject({ url: '/v1/ping' })
    expect(known.json()).toEqual({ pong: true })
    expect(known.headers['content-security-policy']).toContain(
      "default-src 'none'",
    )

    for (const url of ['/v1/nothing', '/v1', '/admin/x', '/.well-known/x']) {
      const response = await app.inject({ url })

      expect(response.statusCode, url).toBe(404)
      expect(response.json(), url).toEqual({
        error: { code: 'NOT_FOUND', message: 'Nothing exists at this address' },
      })
    }
  })
})

describe('with Dynamic sign-in', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWith(await fakeBuild(), true)
  })
  afterAll(() => app.close())

  it('gives each page a fresh nonce for its styles, and Dynamic its origins', async () => {
    const first = await app.inject({ url: '/' })
    const second = await app.inject({ url: '/wallets/1' })

    const nonces = [first, second].map((response) => {
      const meta = /<meta name="custos-csp-nonce" content="([^"]+)" \/>/.exec(
        response.body,
      )
      const policy = directives(response.headers['content-security-policy'])
      expect(policy.get('style-src')).toBe(`'self' 'nonce-${meta?.[1]}'`)
      expect(policy.get('script-src')).toBe("'self'")
      expect(policy.get('connect-src')).toContain('https://app.dynamicauth.com')
      return meta?.[1]
    })
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(nonces[0]).not.toBe(nonces[1])
    expect(first.headers['cross-origin-opener-policy']).toBe(
      'same-origin-allow-popups',
    )
  })
})

describe('without a build', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await appWith(await mkdtemp(path.join(tmpdir(), 'custos-empty-')))
  })
  afterAll(() => app.close())

  it('says at / that the UI is not built, and how to build it', async () => {
    const response = await app.inject({ url: '/' })

    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('The web UI is not built')
    expect(response.body).toContain('npm run build --workspace apps/web')
  })

  it('still answers the API', async () => {
    expect((await app.inject({ url: '/v1/ping' })).json()).toEqual({
      pong: true,
    })
    expect((await app.inject({ url: '/v1/nothing' })).json()).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })
})

describe('in the real app', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('serves a page at / and keeps the API routes as they were', async () => {
    const page = await t.app.inject({ url: '/' })
    const health = await t.app.inject({ url: '/healthz' })
    const openapi = await t.app.inject({ url: '/openapi.json' })
    const unknown = await t.app.inject({ url: '/v1/unknown' })

    // The UI, or the page saying it is not built: which depends on whether
    // apps/web was built before this run.
    expect([200, 404]).toContain(page.statusCode)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(health.json()).toEqual({ status: 'ok' })
    expect(openapi.json()).toHaveProperty('openapi', '3.1.0')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })
})
