import {
  createLocalJWKSet,
  decodeProtectedHeader,
  jwtVerify,
  type JWK,
} from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { devToken, startTestApp, unique, type TestApp } from './helpers/app.js'
import {
  accepted,
  DEV_ISSUER,
  getMe,
  refused,
  signIn,
  tamper,
} from './helpers/auth.js'

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
