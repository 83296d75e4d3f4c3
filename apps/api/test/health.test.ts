import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { startTestApp, unique, type TestApp } from './helpers/app.js'

interface NotReadyBody {
  error: { code: string; message: string }
  checks: Record<'database' | 'migrations' | 'redis', 'ok' | 'failed'>
}

/** The run's database URL with another database name. */
function databaseUrl(name: string): string {
  const url = new URL(inject('databaseUrl'))
  url.pathname = `/${name}`
  return url.toString()
}

describe('with every dependency up', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('GET /healthz answers ok', async () => {
    const response = await t.app.inject({ url: '/healthz' })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('GET /readyz answers ready with every check ok', async () => {
    const response = await t.app.inject({ url: '/readyz' })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', redis: 'ok' },
    })
  })
})

describe('with Redis unreachable', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' })
  })
  afterAll(() => t.close())

  it('GET /readyz answers 503 naming redis', async () => {
    const response = await t.app.inject({ url: '/readyz' })

    expect(response.statusCode).toBe(503)
    expect(response.json<NotReadyBody>()).toEqual({
      error: {
        code: 'NOT_READY',
        message: expect.stringContaining('redis') as string,
      },
      checks: { database: 'ok', migrations: 'ok', redis: 'failed' },
    })
  })

  it('GET /healthz still answers ok', async () => {
    const response = await t.app.inject({ url: '/healthz' })

    expect(response.statusCode).toBe(200)
  })
})

describe('with PostgreSQL unreachable', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x',
    })
  })
  afterAll(() => t.close())

  it('GET /readyz answers 503 naming the database', async () => {
    const response = await t.app.inject({ url: '/readyz' })

    expect(response.statusCode).toBe(503)
    const body = response.json<NotReadyBody>()
    expect(body.error.code).toBe('NOT_READY')
    expect(body.checks).toMatchObject({ database: 'failed', redis: 'ok' })
  })
})

describe('with a database that has no migrations', () => {
  const name = unique('custos_test_empty').replace('-', '_')
  const admin = postgres(databaseUrl('postgres'), { max: 1 })
  let t: TestApp
  beforeAll(async () => {
    await admin.unsafe(`create database "${name}"`)
    t = await startTestApp({ DATABASE_URL: databaseUrl(name) })
  })
  afterAll(async () => {
    await t?.close()
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
  })

  it('GET /readyz answers 503 naming the migrations', async () => {
    const response = await t.app.inject({ url: '/readyz' })

    expect(response.statusCode).toBe(503)
    expect(response.json<NotReadyBody>()).toEqual({
      error: {
        code: 'NOT_READY',
        message: expect.stringContaining('migrations') as string,
      },
      checks: { database: 'ok', migrations: 'failed', redis: 'ok' },
    })
  })
})
