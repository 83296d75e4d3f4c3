import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import { authenticatedErrors } from '../http/schemas.js'
import { ChainViewSchema, toChainView } from './schemas.js'

const chainRoutes: FastifyPluginAsyncTypebox<{
  chains: ChainRegistry
}> = async (app, { chains }) => {
  app.get(
    '/v1/chains',
    {
      schema: {
        tags: ['chains'],
        summary: 'The chains Custos acts on; the first is the default',
        response: {
          200: Type.Object({ data: Type.Array(ChainViewSchema) }),
          ...authenticatedErrors,
        },
      },
    },
    async () => ({ data: chains.chains.map(toChainView) }),
  )
}

export default chainRoutes
