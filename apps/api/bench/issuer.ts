import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'

export const BENCH_ISSUER = 'custos-bench'
export const BENCH_AUDIENCE = 'custos'

/** A sign-in issuer of the benchmark's own: one key, served as a JWKS. */
export interface BenchIssuer {
  jwksUrl: string
  /** A token for `subject`, valid for an hour. */
  token(subject: string): Promise<string>
  close(): Promise<void>
}

export async function startIssuer(): Promise<BenchIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const kid = 'bench'
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }],
  })

  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(jwks)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    token: (subject) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(subject)
        .setIssuer(BENCH_ISSUER)
        .setAudience(BENCH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
