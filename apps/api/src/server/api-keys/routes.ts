import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { Database } from '../../shared/db/client.js'
import { AppError } from '../../shared/errors.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import { createApiKey, listApiKeys, revokeApiKey } from './api-key-service.js'
import type { RevocationChannel } from './revocations.js'
import {
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeyBodySchema,
  CreatedApiKeySchema,
  toApiKeyView,
} from './schemas.js'

export interface ApiKeyRoutesOptions {
  db: Database
  /** Where revocations are announced to every API process. */
  revocations: RevocationChannel
}

const apiKeyRoutes: FastifyPluginAsyncTypebox<ApiKeyRoutesOptions> = async (
  app,
  { db, revocations },
) => {
  const tags = ['api-keys']

  app.post(
    '/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key; the key is shown once',
        description:
          'Needs a signed-in user: an API key cannot make more keys, so a ' +
          'leaked key cannot outlive its own revocation.',
        body: CreateApiKeyBodySchema,
        response: {
          201: CreatedApiKeySchema,
          ...authenticatedErrors,
          ...errorResponses(403),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      if (principal.apiKeyId) throw new AppError('SESSION_REQUIRED')

      const { apiKey, key } = await createApiKey(
        db,
        principal.userId,
        request.body.name,
      )
      request.log.info({ apiKeyId: apiKey.id }, 'api key created')
      return reply.status(201).send({ ...toApiKeyView(apiKey), key })
    },
  )

  app.get(
    '/v1/api-keys',
    {
      schema: {
        tags,
        summary: "The user's API keys, newest first; never the secrets",
        response: { 200: ApiKeyListSchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const keys = await listApiKeys(db, principalOf(request).userId)
      return { data: keys.map(toApiKeyView) }
    },
  )

  app.delete(
    '/v1/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key; it stops working at once',
        params: IdParamsSchema,
        response: {
          200: ApiKeySchema,
          ...authenticatedErrors,
          ...errorResponses(404),
        },
      },
    },
    async (request) => {
      const revoked = await revokeApiKey(
        db,
        principalOf(request).userId,
        request.params.id,
      )
      request.log.info({ apiKeyId: revoked.id }, 'api key revoked')
      // The revocation stands in PostgreSQL whatever happens here; other
      // API processes that miss it drop their copy within API_KEY_CACHE_MS.
      await revocations
        .announce(revoked.id)
        .catch((error: unknown) =>
          request.log.warn(
            { apiKeyId: revoked.id, err: String(error) },
            'api key revocation not announced',
          ),
        )
      return toApiKeyView(revoked)
    },
  )
}

export default apiKeyRoutes
