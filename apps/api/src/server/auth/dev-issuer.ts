import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose'

import { DEV_AUDIENCE, DEV_ISSUER } from '../../shared/config.js'

const TOKEN_LIFETIME_SECONDS = 60 * 60

/**
 * The development issuer: an RS256 key of the server's own that signs
 * tokens for whoever asks. Its tokens are checked by the same verifier as
 * any other issuer's. Never enabled in production.
 */
export interface DevIssuer {
  jwks: JSONWebKeySet
  issue(subject: string, email?: string): Promise<string>
}

/**
 * Loads the key from `<dataDir>/dev-issuer-key.json`, creating it on first
 * use, so that tokens survive a restart and several processes agree.
 */
export async function loadDevIssuer(dataDir: string): Promise<DevIssuer> {
  const file = path.join(dataDir, 'dev-issuer-key.json')
  const privateJwk = (await readKey(file)) ?? (await createKey(file))
  const { kty, n, e } = privateJwk
  const kid = privateJwk.kid as string
  const key = (await importJWK(privateJwk, 'RS256')) as CryptoKey

  return {
    jwks: { keys: [{ kty, n, e, alg: 'RS256', use: 'sig', kid }] },
    issue: (subject, email) =>
      new SignJWT(email === undefined ? {} : { email })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
        .sign(key),
  }
}

async function readKey(file: string): Promise<JWK | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function createKey(file: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  jwk.kid = await calculateJwkThumbprint(jwk)
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  try {
    // 'wx' fails when another process made the file first; theirs wins.
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' })
    return jwk
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return (await readKey(file)) as JWK
  }
}
