import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose'

interface SigningKey {
  kid: string
  privateKey: CryptoKey
  publicJwk: JWK
}

/**
 * A stand-in for an identity provider such as Dynamic: a real HTTP server
 * publishing a JWKS, whose keys the test controls, and a signer for tokens.
 */
export interface TestIssuer {
  /** Base URL of the server. */
  url: string
  /** How many times the JWKS was fetched. */
  fetches: number
  /** The path of every request, in order: where the JWKS was looked for. */
  paths: string[]
  /** Answer the JWKS with this HTTP status instead (0 = normal). */
  failWith: number
  currentKid(): string
  /** Adds a new key and signs with it from now on; `drop` removes the old. */
  rotate(options?: { drop?: boolean }): Promise<void>
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>
  close(): Promise<void>
}

export interface SignOptions {
  kid?: string
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number
  notBefore?: number
  header?: Record<string, unknown>
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    extractable: true,
  })
  const kid = `k-${Math.random().toString(36).slice(2, 10)}`
  const publicJwk = {
    ...(await exportJWK(publicKey)),
    kid,
    alg: 'RS256',
    use: 'sig',
  }
  return { kid, privateKey, publicJwk }
}

/** Serves the JWKS at every path ending in `jwks` or `jwks.json`. */
export async function startTestIssuer(): Promise<TestIssuer> {
  let keys: SigningKey[] = [await newKey()]
  const issuer: TestIssuer = {
    url: '',
    fetches: 0,
    paths: [],
    failWith: 0,
    currentKid: () => (keys.at(-1) as SigningKey).kid,
    async rotate(options = {}) {
      const next = await newKey()
      keys = options.drop ? [next] : [...keys, next]
    },
    async sign(claims, options = {}) {
      const key = keys.find(
        (k) => k.kid === (options.kid ?? issuer.currentKid()),
      )
      if (!key) throw new Error('unknown kid')
      const now = Math.floor(Date.now() / 1000)
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, ...options.header })
        .setIssuedAt(now)
        .setExpirationTime(now + (options.expiresIn ?? 300))
      if (options.notBefore !== undefined)
        jwt.setNotBefore(now + options.notBefore)
      return jwt.sign(key.privateKey)
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }

  const server: Server = createServer((request, response) => {
    issuer.fetches += 1
    issuer.paths.push(request.url ?? '')
    if (issuer.failWith !== 0) {
      response.writeHead(issuer.failWith).end()
      return
    }
    if (!/jwks(\.json)?$/.test(request.url ?? '')) {
      response.writeHead(404).end()
      return
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: keys.map((k) => k.publicJwk) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return issuer
}
