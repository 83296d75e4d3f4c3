import { type JWTPayload } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { devToken, startTestApp, unique, type TestApp } from './helpers/app.js'
import {
  accepted,
  claims,
  DEV_ISSUER,
  ISSUER,
  refused,
  signIn,
  startJwksApp,
} from './helpers/auth.js'
import { startTestIssuer, type TestIssuer } from './helpers/issuer.js'

describe('Dynamic', () => {
  const environmentId = unique('env')
  let issuer: TestIssuer
  let t: TestApp
  beforeAll(async () => {
    issuer = await startTestIssuer()
    t = await startTestApp({
      DYNAMIC_ENVIRONMENT_ID: environmentId,
      DYNAMIC_API_URL: issuer.url,
      AUTH_JWKS_COOLDOWN_SECONDS: '0',
    })
  })
  afterAll(async () => {
    await t?.close()
    await issuer?.close()
  })

  function dynamicClaims(sub: string, extra: JWTPayload = {}): JWTPayload {
    return {
      iss: `app.dynamicauth.com/${environmentId}`,
      sub,
      environment_id: environmentId,
      ...extra,
    }
  }

  const signedIn = async (extra: JWTPayload) =>
    signIn(t, await issuer.sign(dynamicClaims(unique('dyn'), extra)))

  it("signs in with keys from the environment's JWKS", async () => {
    const sub = unique('dyn')
    const token = await issuer.sign(dynamicClaims(sub))

    expect(await signIn(t, token)).toEqual(
      accepted({ issuer: `dynamic:${environmentId}`, subject: sub }),
    )
    expect(new Set(issuer.paths)).toEqual(
      new Set([`/api/v0/sdk/${environmentId}/.well-known/jwks`]),
    )
  })

  it.each([
    ['another environment', { environment_id: unique('env') }],
    ['no environment', { environment_id: undefined }],
    ['the issuer of another environment', { iss: 'app.dynamicauth.com/x' }],
  ])('refuses a token for %s', async (_, extra) => {
    expect(await signedIn(extra)).toEqual(refused('INVALID_TOKEN'))
  })

  it.each([
    ['scopes array', { scopes: ['requiresAdditionalAuth'] }],
    ['scope string', { scope: 'user:basic requiresAdditionalAuth' }],
  ])('refuses a half-finished sign-in (%s)', async (_, extra) => {
    expect(await signedIn(extra)).toEqual(refused('ADDITIONAL_AUTH_REQUIRED'))
  })

  it('accepts scopes that ask for nothing more', async () => {
    expect(await signedIn({ scope: 'user:basic' })).toMatchObject({
      status: 200,
    })
  })
})

describe('users', () => {
  let issuer: TestIssuer
  let t: TestApp
  beforeAll(async () => {
    issuer = await startTestIssuer()
    t = await startJwksApp(issuer)
  })
  afterAll(async () => {
    await t?.close()
    await issuer?.close()
  })

  const userIds = (sub: string) =>
    t.database.sql<{ id: string }[]>`
      select id from users where subject = ${sub} order by id`

  it('tells apart the same subject from two issuers', async () => {
    const sub = unique('twin')

    const fromDev = await signIn(t, await devToken(t.app, sub))
    const fromIssuer = await signIn(t, await issuer.sign(claims(sub)))

    expect(fromDev).toEqual(accepted({ issuer: DEV_ISSUER, subject: sub }))
    expect(fromIssuer).toEqual(accepted({ issuer: ISSUER, subject: sub }))
    expect(fromDev.user?.id).not.toBe(fromIssuer.user?.id)
    expect(await userIds(sub)).toHaveLength(2)
  })

  it('creates one user for concurrent first sign-ins', async () => {
    const sub = unique('rush')
    const token = await issuer.sign(claims(sub))

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => signIn(t, token)),
    )

    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200))
    const ids = new Set(answers.map((answer) => answer.user?.id))
    expect(ids.size).toBe(1)
    expect(await userIds(sub)).toEqual([{ id: [...ids][0] }])
  })

  it('takes the email from the latest token that carries one', async () => {
    const sub = unique('mail')
    const email = `${sub}@example.com`

    const first = await signIn(t, await issuer.sign(claims(sub)))
    const second = await signIn(t, await issuer.sign(claims(sub, { email })))
    const third = await signIn(t, await issuer.sign(claims(sub)))

    expect(first).toEqual(accepted({ email: null }))
    expect(second).toEqual(accepted({ id: first.user?.id, email }))
    expect(third).toEqual(accepted({ id: first.user?.id, email }))
  })
})
