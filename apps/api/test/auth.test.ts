import { createPublicKey, type JsonWebKey } from 'node:crypto'

import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ErrorCode } from '../src/shared/errors.js'
import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'
import {
  startTestIssuer,
  type SignOptions,
  type TestIssuer,
} from './helpers/issuer.js'

const ISSUER = 'https://issuer.test'
const AUDIENCE = 'custos-api'
const DEV_ISSUER = 'custos-dev'

interface MeUser {
  id: string
  issuer: string
  subject: string
  email: string | null
}

/** What GET /v1/me answered: the user, or the error code. */
interface MeAnswer {
  status: number
  code: string | undefined
  user: MeUser | undefined
}

async function getMe(
  t: TestApp,
  headers: Record<string, string>,
): Promise<MeAnswer> {
  const response = await t.app.inject({ url: '/v1/me', headers })
  const body = response.json<MeUser & { error?: { code: string } }>()
  return response.statusCode === 200
    ? { status: 200, code: undefined, user: body }
    : { status: response.statusCode, code: body.error?.code, user: undefined }
}

const signIn = (t: TestApp, token: string) => getMe(t, bearer(token))

function refused(code: ErrorCode, status = 401) {
  return { status, code, user: undefined }
}

function accepted(user: Partial<MeUser>) {
  return {
    status: 200,
    code: undefined,
    user: expect.objectContaining(user) as unknown,
  }
}

/** The claims the generic JWKS issuer's tokens carry. */
function claims(sub: string, extra: JWTPayload = {}): JWTPayload {
  return { iss: ISSUER, aud: AUDIENCE, sub, ...extra }
}

/** An app trusting `issuer`, refetching its JWKS for any unknown kid. */
function startJwksApp(issuer: TestIssuer) {
  return startTestApp({
    AUTH_JWKS_URL: `${issuer.url}/jwks.json`,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_COOLDOWN_SECONDS: '0',
  })
}

/** Runs `use` with a fresh issuer and an app trusting it; closes both. */
async function withJwksApp(
  use: (t: TestApp, issuer: TestIssuer) => Promise<void>,
): Promise<void> {
  const issuer = await startTestIssuer()
  try {
    const t = await startJwksApp(issuer)
    try {
      await use(t, issuer)
    } finally {
      await t.close()
    }
  } finally {
    await issuer.close()
  }
}

const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

/** The token with its claims replaced and its signature kept. */
function tamper(token: string, change: (claims: JWTPayload) => JWTPayload) {
  const [header, , signature] = token.split('.') as [string, string, string]
  return [header, base64url(change(decodeJwt(token))), signature].join('.')
}

/** The RSA key the issuer publishes, fetched as anyone could. */
async function publishedKey(issuer: TestIssuer): Promise<JWK> {
  const response = await fetch(`${issuer.url}/jwks.json`)
  const { keys } = (await response.json()) as { keys: JWK[] }
  return keys[0] as JWK
}

function pemOf(jwk: JWK): string {
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
  return key.export({ type: 'spki', format: 'pem' }).toString()
}

describe('credentials', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t?.close())

  it.each([
    ['no Authorization header', {}],
    ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['Bearer without a credential', { authorization: 'Bearer' }],
  ])('refuses %s as UNAUTHENTICATED', async (_, headers) => {
    expect(await getMe(t, headers)).toEqual(refused('UNAUTHENTICATED'))
  })

  it.each(['garbage', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30'])(
    'refuses the bearer value %j as INVALID_TOKEN',
    async (value) => {
      expect(await signIn(t, value)).toEqual(refused('INVALID_TOKEN'))
    },
  )
})

describe('the development issuer', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t?.close())

  it('signs in whoever asks', async () => {
    const sub = unique('dev')
    const token = await devToken(t.app, sub)

    expect(await signIn(t, token)).toEqual(
      accepted({ issuer: DEV_ISSUER, subject: sub, email: null }),
    )
  })

  it('publishes the RS256 public key its tokens are signed with', async () => {
    const token = await devToken(t.app, unique('jwks'))
    const header = decodeProtectedHeader(token)

    const response = await t.app.inject({ url: '/.well-known/jwks.json' })
    const { keys } = response.json<{ keys: JWK[] }>()

    expect(response.statusCode).toBe(200)
    expect(header.alg).toBe('RS256')
    expect(keys).toContainEqual(
      expect.objectContaining({ kid: header.kid, kty: 'RSA', alg: 'RS256' }),
    )
    const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi']
    const members = keys.flatMap((key) => Object.keys(key))
    expect(members.filter((m) => privateMembers.includes(m))).toEqual([])
    await expect(
      jwtVerify(token, createLocalJWKSet({ keys })),
    ).resolves.toBeDefined()
  })

  it('refuses a token whose claims were changed after signing', async () => {
    const token = await devToken(t.app, unique('victim'))
    const forged = tamper(token, (claims) => ({ ...claims, sub: 'admin' }))

    expect(await signIn(t, token)).toMatchObject({ status: 200 })
    expect(await signIn(t, forged)).toEqual(refused('INVALID_TOKEN'))
  })

  it('keeps its key across restarts sharing a data directory', async () => {
    const token = await devToken(t.app, unique('restart'))
    const before = await signIn(t, token)

    const restarted = await startTestApp({ DATA_DIR: t.config.dataDir })
    try {
      expect(await signIn(restarted, token)).toEqual(
        accepted({ id: before.user?.id }),
      )
    } finally {
      await restarted.close()
    }
  })

  it('is gone with AUTH_DEV_ISSUER=false, and so are its tokens', async () => {
    const token = await devToken(t.app, unique('dev-off'))

    const off = await startTestApp({
      AUTH_DEV_ISSUER: 'false',
      DATA_DIR: t.config.dataDir,
    })
    try {
      const response = await off.app.inject({
        method: 'POST',
        url: '/v1/auth/dev-token',
        payload: { sub: unique('dev-off') },
      })
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
      expect(await signIn(off, token)).toEqual(refused('INVALID_TOKEN'))
    } finally {
      await off.close()
    }
  })
})

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
