import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

import type { Database } from '../../shared/db/client.js'
import { AppError } from '../../shared/errors.js'
import type { ApiKeyCache } from '../api-keys/api-key-cache.js'
import { authenticateApiKey } from '../api-keys/api-key-service.js'
import { API_KEY_PREFIX } from '../auth/api-key.js'
import type { TokenVerifier } from '../auth/token-verifier.js'
import { findOrCreateUser } from '../users/user-service.js'

/** The caller of an authenticated request. */
export interface Principal {
  userId: string
  /** Set when the caller used an API key rather than a sign-in token. */
  apiKeyId: string | undefined
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyInstance {
    /** An onRequest hook that admits only authenticated callers. */
    authenticate: (request: FastifyRequest) => Promise<void>
  }
}

export interface AuthenticateOptions {
  db: Database
  verifier: TokenVerifier
  apiKeyCache: ApiKeyCache
}

const BEARER = /^Bearer +(\S+)$/i

export default fp<AuthenticateOptions>(
  async function authenticatePlugin(app: FastifyInstance, options) {
    app.decorateRequest('principal', null)

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const match = BEARER.exec(request.headers.authorization ?? '')
      if (!match) throw new AppError('UNAUTHENTICATED')
      request.principal = await resolvePrincipal(options, match[1] as string)
    })
  },
  { name: 'authenticate' },
)

async function resolvePrincipal(
  { db, verifier, apiKeyCache }: AuthenticateOptions,
  credential: string,
): Promise<Principal> {
  if (credential.startsWith(API_KEY_PREFIX)) {
    const apiKey = await authenticateApiKey(db, apiKeyCache, credential)
    return { userId: apiKey.userId, apiKeyId: apiKey.id }
  }
  const identity = await verifier.verify(credential)
  const user = await findOrCreateUser(db, identity)
  return { userId: user.id, apiKeyId: undefined }
}

/** The principal of a request that passed `authenticate`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED')
  return request.principal
}
