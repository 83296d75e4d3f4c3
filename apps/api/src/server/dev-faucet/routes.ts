import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import { authenticatedErrors, errorResponses } from '../http/schemas.js'
import { fundAddress } from './faucet-service.js'

const AddressSchema = Type.String({
  pattern: '^0x[0-9a-fA-F]{40}$',
  description: 'An Ethereum address',
})
const WeiSchema = Type.String({
  pattern: '^[0-9]{1,30}$',
  description: 'Decimal wei',
})

/**
 * Development only: funds an address from the node's own unlocked,
 * prefunded accounts (Anvil's), so a newcomer can try sending. No key
 * passes through the API: the node signs with its own account.
 */
const faucetRoutes: FastifyPluginAsyncTypebox<{
  chains: ChainRegistry
}> = async (app, { chains }) => {
  app.post(
    '/v1/dev/faucet',
    {
      schema: {
        tags: ['development'],
        summary: "Fund an address from the node's prefunded accounts",
        body: Type.Object(
          {
            address: AddressSchema,
            value: Type.Optional(WeiSchema),
            chainId: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            chainId: Type.Integer(),
            hash: Type.String(),
            value: WeiSchema,
          }),
          ...authenticatedErrors,
          ...errorResponses(409),
        },
      },
    },
    async (request) => {
      const { address, value, chainId } = request.body
      const funded = await fundAddress(
        chains.resolve(chainId),
        address,
        value === undefined ? undefined : BigInt(value),
      )
      request.log.info({ address, hash: funded.hash }, 'faucet funded')
      return funded
    },
  )
}

export default faucetRoutes
