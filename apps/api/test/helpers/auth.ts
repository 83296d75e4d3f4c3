import { createPublicKey, type JsonWebKey } from 'node:crypto'

import { decodeJwt, type JWK, type JWTPayload } from 'jose'
import { expect } from 'vitest'

import type { ErrorCode } from '../../src/shared/errors.js'
import { bearer, startTestApp, type TestApp } from './app.js'
import { startTestIssuer, type TestIssuer } from './issuer.js'

export const ISSUER = 'https://issuer.test'
export const AUDIENCE = 'custos-api'
export const DEV_ISSUER = 'custos-dev'

export interface MeUser {
  id: string
  issuer: string
  subject: string
  email: string | null
}

/** What GET /v1/me answered: the user, or the error code. */
export interface MeAnswer {
  status: number
  code: string | undefined
  user: MeUser | undefined
}

export async function getMe(
  t: TestApp,
  headers: Record<string, string>,
): Promise<MeAnswer> {
  const response = await t.app.inject({ url: '/v1/me', headers })
  const body = response.json<MeUser & { error?: { code: string } }>()
  return response.statusCode === 200
    ? { status: 200, code: undefined, user: body }
    : { status: response.statusCode, code: body.error?.code, user: undefined }
}

export const signIn = (t: TestApp, token: string) => getMe(t, bearer(token))

export function refused(code: ErrorCode, status = 401) {
  return { status, code, user: undefined }
}

export function accepted(user: Partial<MeUser>) {
  return {
    status: 200,
    code: undefined,
    user: expect.objectContaining(user) as unknown,
  }
}

/** The claims the generic JWKS issuer's tokens carry. */
export function claims(sub: string, extra: JWTPayload = {}): JWTPayload {
  return { iss: ISSUER, aud: AUDIENCE, sub, ...extra }
}

/** An app trusting `issuer`, refetching its JWKS for any unknown kid. */
export function startJwksApp(issuer: TestIssuer) {
  return startTestApp({
    AUTH_JWKS_URL: `${issuer.url}/jwks.json`,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_JWKS_COOLDOWN_SECONDS: '0',
  })
}

/** Runs `use` with a fresh issuer and an app trusting it; closes both. */
export async function withJwksApp(
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

export const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

/** The token with its claims replaced and its signature kept. */
export function tamper(
  token: string,
  change: (claims: JWTPayload) => JWTPayload,
) {
  const [header, , signature] = token.split('.') as [string, string, string]
  return [header, base64url(change(decodeJwt(token))), signature].join('.')
}

/** The RSA key the issuer publishes, fetched as anyone could. */
export async function publishedKey(issuer: TestIssuer): Promise<JWK> {
  const response = await fetch(`${issuer.url}/jwks.json`)
  const { keys } = (await response.json()) as { keys: JWK[] }
  return keys[0] as JWK
}

export function pemOf(jwk: JWK): string {
  const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
  return key.export({ type: 'spki', format: 'pem' }).toString()
}
