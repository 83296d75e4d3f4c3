import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from './helpers/app.js'

describe('GET /v1/config', () => {
  let development: TestApp
  let dynamic: TestApp
  beforeAll(async () => {
    development = await startTestApp()
    dynamic = await startTestApp({
      DYNAMIC_ENVIRONMENT_ID: 'env-1234',
      AUTH_DEV_ISSUER: 'false',
      DEV_FAUCET: 'false',
    })
  })
  afterAll(async () => {
    await development.close()
    await dynamic.close()
  })

  it('tells an anonymous client to use the development issuer', async () => {
    const response = await development.app.inject({ url: '/v1/config' })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      auth: { dynamicEnvironmentId: null, devIssuer: true },
      devFaucet: true,
    })
  })

  it('names the Dynamic environment when one is configured', async () => {
    const response = await dynamic.app.inject({ url: '/v1/config' })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      auth: { dynamicEnvironmentId: 'env-1234', devIssuer: false },
      devFaucet: false,
    })
  })
})
