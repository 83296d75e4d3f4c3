import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type Static } from 'typebox'

import type { Config } from '../../shared/config.js'
import { errorResponses } from '../http/schemas.js'

export const ClientConfigSchema = Type.Object({
  auth: Type.Object({
    /** Sign in with Dynamic in this environment, when set. */
    dynamicEnvironmentId: Type.Union([Type.String(), Type.Null()]),
    /** Whether POST /v1/auth/dev-token is offered. */
    devIssuer: Type.Boolean(),
  }),
  /** Whether POST /v1/dev/faucet is offered. */
  devFaucet: Type.Boolean(),
})

export type ClientConfig = Static<typeof ClientConfigSchema>

/**
 * What a client must know before anyone signs in: how to sign in, and
 * which development conveniences are on. Nothing here is secret.
 */
export function clientConfigOf(config: Config): ClientConfig {
  return {
    auth: {
      dynamicEnvironmentId: config.auth.dynamic?.environmentId ?? null,
      devIssuer: config.auth.devIssuer,
    },
    devFaucet: config.devFaucet,
  }
}

const clientConfigRoutes: FastifyPluginAsyncTypebox<{
  config: Config
}> = async (app, { config }) => {
  const body = clientConfigOf(config)
  app.get(
    '/v1/config',
    {
      schema: {
        tags: ['config'],
        summary: 'How to sign in, and which development features are on',
        security: [],
        response: { 200: ClientConfigSchema, ...errorResponses(429) },
      },
    },
    async () => body,
  )
}

export default clientConfigRoutes
