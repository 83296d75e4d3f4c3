import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose'

import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  type AuthConfig,
} from '../../shared/config.js'
import { AppError } from '../../shared/errors.js'

/** Who a verified token says the caller is. */
export interface TokenIdentity {
  /** Our name for the issuer: part of the user's identity. */
  issuer: string
  subject: string
  email: string | undefined
}

/**
 * One issuer we trust. Every issuer, the development one included, is
 * verified by the same code: RS256 only, the key picked by `kid` from a
 * JWKS, `exp`/`nbf` with a small skew, `iss`/`aud` when known.
 */
interface TrustedIssuer {
  identityIssuer: string
  keys: JWTVerifyGetKey
  /** Whether the (not yet verified) claims say they come from here. */
  owns(claims: JWTPayload): boolean
  issuer?: string
  audience?: string
  /** Checks beyond the standard claims, after the signature holds. */
  check?(claims: JWTPayload): void
}

export interface TokenVerifier {
  verify(token: string): Promise<TokenIdentity>
}

/** Builds the verifier for every issuer the configuration trusts. */
export function createTokenVerifier(
  config: AuthConfig,
  devKeys: JSONWebKeySet | undefined,
): TokenVerifier {
  const remote = (url: string) =>
    createRemoteJWKSet(new URL(url), {
      cooldownDuration: config.jwksCooldownSeconds * 1000,
      cacheMaxAge: config.jwksCacheSeconds * 1000,
      timeoutDuration: 5000,
    })
  const issuers: TrustedIssuer[] = []

  if (config.dynamic) {
    const { environmentId, apiUrl } = config.dynamic
    const jwksUrl = `${apiUrl}/api/v0/sdk/${environmentId}/.well-known/jwks`
    issuers.push({
      identityIssuer: `dynamic:${environmentId}`,
      keys: remote(jwksUrl),
      owns: (claims) =>
        typeof claims.iss === 'string' &&
        claims.iss.endsWith(`/${environmentId}`),
      check: (claims) => checkDynamicClaims(claims, environmentId),
    })
  }
  if (devKeys) {
    issuers.push({
      identityIssuer: DEV_ISSUER,
      keys: createLocalJWKSet(devKeys),
      owns: (claims) => claims.iss === DEV_ISSUER,
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    })
  }
  if (config.jwks) {
    const { jwksUrl, issuer, audience } = config.jwks
    issuers.push({
      identityIssuer: issuer ?? jwksUrl,
      keys: remote(jwksUrl),
      // Without a configured issuer this one takes whatever is left.
      owns: (claims) => issuer === undefined || claims.iss === issuer,
      issuer,
      audience,
    })
  }

  return {
    async verify(token) {
      const trusted = issuers.find((candidate) =>
        candidate.owns(readClaims(token)),
      )
      if (!trusted) throw new AppError('INVALID_TOKEN')
      return verifyWith(trusted, token, config.clockSkewSeconds)
    },
  }
}

function readClaims(token: string): JWTPayload {
  try {
    return decodeJwt(token)
  } catch {
    throw new AppError('INVALID_TOKEN')
  }
}

async function verifyWith(
  trusted: TrustedIssuer,
  token: string,
  clockSkewSeconds: number,
): Promise<TokenIdentity> {
  let claims: JWTPayload
  try {
    const verified = await jwtVerify(token, trusted.keys, {
      algorithms: ['RS256'],
      clockTolerance: clockSkewSeconds,
      requiredClaims: ['sub', 'exp'],
      ...(trusted.issuer !== undefined && { issuer: trusted.issuer }),
      ...(trusted.audience !== undefined && { audience: trusted.audience }),
    })
    claims = verified.payload
  } catch (error) {
    throw translateJoseError(error)
  }

  // jose checks that `sub` is present, not what it is: an object or a
  // number must not quietly become a user called "[object Object]". Nor
  // can a user's row hold U+0000, which PostgreSQL text refuses.
  if (!isStorableText(claims.sub) || claims.sub === '') {
    throw new AppError('INVALID_TOKEN', 'The token names no subject')
  }
  trusted.check?.(claims)
  return {
    issuer: trusted.identityIssuer,
    subject: claims.sub,
    email: isStorableText(claims.email) ? claims.email : undefined,
  }
}

function checkDynamicClaims(claims: JWTPayload, environmentId: string): void {
  if (claims.environment_id !== environmentId) {
    throw new AppError('INVALID_TOKEN', 'The token is for another environment')
  }
  // Dynamic marks a half-finished sign-in (an MFA step still due, say) in
  // the scopes; older tokens carry an array, newer ones a string.
  const scopes = [
    ...(Array.isArray(claims.scopes) ? (claims.scopes as unknown[]) : []),
    ...(typeof claims.scope === 'string' ? claims.scope.split(/\s+/) : []),
  ]
  if (scopes.includes('requiresAdditionalAuth')) {
    throw new AppError('ADDITIONAL_AUTH_REQUIRED')
  }
}

/** The one place where jose's errors become ours. */
function translateJoseError(error: unknown): AppError {
  if (error instanceof errors.JWTExpired) {
    return new AppError('TOKEN_EXPIRED')
  }
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid
  ) {
    return new AppError('AUTH_ISSUER_UNAVAILABLE', undefined, { cause: error })
  }
  if (error instanceof errors.JOSEError) {
    // A JWKS answered with an HTTP error is the issuer's fault, not the
    // caller's; jose reports it only as a generic error.
    return error.code === 'ERR_JOSE_GENERIC'
      ? new AppError('AUTH_ISSUER_UNAVAILABLE', undefined, { cause: error })
      : new AppError('INVALID_TOKEN', undefined, { cause: error })
  }
  if (error instanceof TypeError) {
    // fetch() failing to reach the JWKS host.
    return new AppError('AUTH_ISSUER_UNAVAILABLE', undefined, { cause: error })
  }
  return new AppError('INVALID_TOKEN', undefined, { cause: error })
}

function isStorableText(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('\u0000')
}
