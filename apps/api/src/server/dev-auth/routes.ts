import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

import type { DevIssuer } from '../auth/dev-issuer.js'
import { errorResponses } from '../http/schemas.js'

export interface DevAuthRoutesOptions {
  devIssuer: DevIssuer
}

const JwkSchema = Type.Object({
  kty: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String(),
  n: Type.String(),
  e: Type.String(),
})

/**
 * The development issuer's public key and token endpoint. Registered only
 * when the development issuer is on, which production refuses.
 */
const devAuthRoutes: FastifyPluginAsyncTypebox<DevAuthRoutesOptions> = async (
  app,
  { devIssuer },
) => {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: ['auth'],
        summary: "The development issuer's public keys",
        security: [],
        response: { 200: Type.Object({ keys: Type.Array(JwkSchema) }) },
      },
    },
    async () => devIssuer.jwks as { keys: Type.Static<typeof JwkSchema>[] },
  )

  app.post(
    '/v1/auth/dev-token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in as anyone (development only)',
        security: [],
        body: Type.Object(
          {
            sub: Type.String({
              minLength: 1,
              maxLength: 128,
              pattern: '^[^\\s\\u0000]+$',
            }),
            email: Type.Optional(
              Type.String({ format: 'email', maxLength: 254 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ token: Type.String() }),
          ...errorResponses(400, 429),
        },
      },
    },
    async (request) => ({
      token: await devIssuer.issue(request.body.sub, request.body.email),
    }),
  )
}

export default devAuthRoutes
