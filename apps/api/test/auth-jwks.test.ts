import { SignJWT, type JWK, type JWTPayload } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { unique, type TestApp } from './helpers/app.js'
import {
  accepted,
  AUDIENCE,
  base64url,
  claims,
  ISSUER,
  pemOf,
  publishedKey,
  refused,
  signIn,
  startJwksApp,
  withJwksApp,
} from './helpers/auth.js'
import {
  startTestIssuer,
  type SignOptions,
  type TestIssuer,
} from './helpers/issuer.js'

describe('a JWKS issuer', () => {
  let issuer: TestIssuer
  let stranger: TestIssuer
  let t: TestApp
  beforeAll(async () => {
    issuer = await startTestIssuer()
    stranger = await startTestIssuer()
    t = await startJwksApp(issuer)
  })
  afterAll(async () => {
    await t?.close()
    await issuer?.close()
    await stranger?.close()
  })

  const signedIn = async (extra: JWTPayload = {}, options?: SignOptions) =>
    signIn(t, await issuer.sign(claims(unique('jwks'), extra), options))

  it('signs in the subject of a valid token', async () => {
    const sub = unique('jwks')
    const token = await issuer.sign(claims(sub, { email: 'a@example.com' }))

    expect(await signIn(t, token)).toEqual(
      accepted({ issuer: ISSUER, subject: sub, email: 'a@example.com' }),
    )
  })

  it.each([
    ['another issuer', { iss: 'https://other.test' }],
    ['another audience', { aud: 'someone-else' }],
    ['no audience', { aud: undefined }],
    ['no subject', { sub: undefined }],
  ])('refuses a token for %s', async (_, extra) => {
    expect(await signedIn(extra)).toEqual(refused('INVALID_TOKEN'))
  })

  it('refuses a token expired for longer than the clock skew', async () => {
    expect(await signedIn({}, { expiresIn: -120 })).toEqual(
      refused('TOKEN_EXPIRED'),
    )
  })

  it('accepts a token expired for less than the clock skew', async () => {
    expect(await signedIn({}, { expiresIn: -10 })).toMatchObject({
      status: 200,
    })
  })

  it('refuses a token not valid until after the clock skew', async () => {
    expect(await signedIn({}, { notBefore: 120 })).toEqual(
      refused('INVALID_TOKEN'),
    )
  })

  it('refuses an unsigned token (alg "none")', async () => {
    const header = { alg: 'none', typ: 'JWT', kid: issuer.currentKid() }
    const payload = claims(unique('none'), { exp: Date.now() / 1000 + 300 })
    const token = `${base64url(header)}.${base64url(payload)}.`

    expect(await signIn(t, token)).toEqual(refused('INVALID_TOKEN'))
  })

  // Algorithm confusion: a verifier that let the token pick HS256 would
  // check the MAC with the public key as the secret, which anyone can do.
  it.each([
    ['the JWK n as text', (jwk: JWK) => new TextEncoder().encode(jwk.n)],
    ['the modulus bytes', (jwk: JWK) => Buffer.from(jwk.n ?? '', 'base64url')],
    ['the PEM public key', (jwk: JWK) => new TextEncoder().encode(pemOf(jwk))],
  ])('refuses an HS256 token keyed with %s', async (_, secretOf) => {
    const jwk = await publishedKey(issuer)
    const token = await new SignJWT(claims(unique('hmac')))
      .setProtectedHeader({ alg: 'HS256', kid: jwk.kid })
      .setExpirationTime('5m')
      .sign(secretOf(jwk))

    expect(await signIn(t, token)).toEqual(refused('INVALID_TOKEN'))
  })

  it('refuses a token signed by a key it never published', async () => {
    const token = await stranger.sign(claims(unique('stranger')))

    expect(await signIn(t, token)).toEqual(refused('INVALID_TOKEN'))
  })

  it('refuses a foreign signature that names a published kid', async () => {
    const header = { kid: issuer.currentKid() }
    const token = await stranger.sign(claims(unique('stranger')), { header })

    expect(await signIn(t, token)).toEqual(refused('INVALID_TOKEN'))
  })

  it.each([
    ['empty', ''],
    ['a number', 42],
    ['an object', { id: 'admin' }],
  ])('refuses a subject that is %s', async (_, sub) => {
    // Typed claims cannot hold a bad `sub`; a misbehaving issuer can.
    const payload = { iss: ISSUER, aud: AUDIENCE, sub } as unknown
    const token = await issuer.sign(payload as JWTPayload)

    expect(await signIn(t, token)).toEqual(refused('INVALID_TOKEN'))
  })
})

describe('JWKS key rotation and outages', () => {
  it('accepts a new key without a restart', async () => {
    await withJwksApp(async (t, issuer) => {
      const sub = unique('rotate')
      const before = await signIn(t, await issuer.sign(claims(sub)))
      const fetches = issuer.fetches

      await issuer.rotate()
      const token = await issuer.sign(claims(sub))

      expect(before).toMatchObject({ status: 200 })
      expect(await signIn(t, token)).toEqual(accepted({ id: before.user?.id }))
      expect(issuer.fetches).toBeGreaterThan(fetches)
    })
  })

  it('refuses a key dropped from the JWKS', async () => {
    await withJwksApp(async (t, issuer) => {
      const old = await issuer.sign(claims(unique('dropped')))
      expect(await signIn(t, old)).toMatchObject({ status: 200 })

      await issuer.rotate({ drop: true })
      // Cached keys are trusted until the JWKS is fetched again, here
      // because a token names a kid the app has not seen.
      const fresh = await issuer.sign(claims(unique('fresh')))
      expect(await signIn(t, fresh)).toMatchObject({ status: 200 })

      expect(await signIn(t, old)).toEqual(refused('INVALID_TOKEN'))
    })
  })

  it('keeps verifying with cached keys while the JWKS is down', async () => {
    await withJwksApp(async (t, issuer) => {
      const sub = unique('cached')
      expect(await signIn(t, await issuer.sign(claims(sub)))).toMatchObject({
        status: 200,
      })

      issuer.failWith = 500

      expect(await signIn(t, await issuer.sign(claims(sub)))).toMatchObject({
        status: 200,
      })
    })
  })

  it('answers 503 when the JWKS was never fetched and fails', async () => {
    await withJwksApp(async (t, issuer) => {
      issuer.failWith = 500
      const token = await issuer.sign(claims(unique('outage')))

      expect(await signIn(t, token)).toEqual(
        refused('AUTH_ISSUER_UNAVAILABLE', 503),
      )
    })
  })

  it('answers 503 when the JWKS host is unreachable', async () => {
    const issuer = await startTestIssuer()
    const token = await issuer.sign(claims(unique('unreachable')))
    await issuer.close()

    const t = await startJwksApp(issuer)
    try {
      expect(await signIn(t, token)).toEqual(
        refused('AUTH_ISSUER_UNAVAILABLE', 503),
      )
    } finally {
      await t.close()
    }
  })
})
