import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from './helpers/app.js'

interface Operation {
  security?: unknown[]
  responses?: Record<string, unknown>
}

interface OpenApiDocument {
  openapi: string
  security?: unknown[]
  paths: Record<string, Record<string, Operation>>
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']

describe('OpenAPI', () => {
  let t: TestApp
  let document: OpenApiDocument
  beforeAll(async () => {
    t = await startTestApp()
    const response = await t.app.inject({ url: '/openapi.json' })
    expect(response.statusCode).toBe(200)
    document = response.json<OpenApiDocument>()
  })
  afterAll(() => t.close())

  function operations(): [string, Operation][] {
    return Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map(
        (method): [string, Operation] => [
          `${method.toUpperCase()} ${path}`,
          item[method] as Operation,
        ],
      ),
    )
  }

  it('is an OpenAPI 3.1 document', () => {
    expect(document.openapi).toMatch(/^3\.1/)
  })

  it('lists the public routes', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/me',
        '/v1/api-keys',
        '/v1/api-keys/{id}',
        '/healthz',
        '/readyz',
        '/v1/auth/dev-token',
      ]),
    )
  })

  it('declares a success response for every operation', () => {
    const without = operations()
      .filter(([, operation]) =>
        Object.keys(operation.responses ?? {}).every((s) => !/^2/.test(s)),
      )
      .map(([name]) => name)

    expect(without).toEqual([])
  })

  it('declares 401 for every operation that needs a credential', () => {
    const secured = operations().filter(
      ([, operation]) =>
        (operation.security ?? document.security ?? []).length > 0,
    )
    const without = secured
      .filter(([, operation]) => !operation.responses?.['401'])
      .map(([name]) => name)

    expect(secured.map(([name]) => name)).toContain('GET /v1/me')
    expect(without).toEqual([])
  })

  it('marks health and sign-in routes as public', () => {
    const publicOperations = operations()
      .filter(([, operation]) => operation.security?.length === 0)
      .map(([name]) => name)

    expect(publicOperations).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /readyz',
        'POST /v1/auth/dev-token',
      ]),
    )
  })

  it('serves the reference page at /docs', async () => {
    let response = await t.app.inject({ url: '/docs' })
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const location = String(response.headers.location)
      const next = new URL(location, 'http://localhost/docs')
      response = await t.app.inject({ url: next.pathname + next.search })
    }

    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    // The API's own policy forbids scripts; the page needs its own.
    expect(response.headers['content-security-policy']).toMatch(
      /script-src 'self'/,
    )
  })
})
