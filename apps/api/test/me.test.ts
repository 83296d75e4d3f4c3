import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'

describe('GET /v1/me', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  it('returns the signed-in user, created on first use', async () => {
    const sub = unique('alice')
    const token = await devToken(t.app, sub, 'alice@example.com')

    const response = await t.app.inject({
      url: '/v1/me',
      headers: bearer(token),
    })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      issuer: 'custos-dev',
      subject: sub,
      email: 'alice@example.com',
    })
  })
})
