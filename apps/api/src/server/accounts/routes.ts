import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { Database } from '../../shared/db/client.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import type { ChainRegistry } from '../../shared/chain-registry.js'
import { ChainIdQuerySchema } from '../chains/schemas.js'
import { getAccount, renameAccount } from './account-service.js'
import { getBalance } from './balance-service.js'
import {
  AccountSchema,
  BalanceSchema,
  RenameBodySchema,
  toAccountView,
} from './schemas.js'

export interface AccountRoutesOptions {
  db: Database
  chains: ChainRegistry
}

const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (
  app,
  { db, chains },
) => {
  const tags = ['accounts']
  const notFound = errorResponses(404)

  app.get(
    '/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account',
        params: IdParamsSchema,
        response: { 200: AccountSchema, ...authenticatedErrors, ...notFound },
      },
    },
    async (request) => {
      const account = await getAccount(
        db,
        principalOf(request).userId,
        request.params.id,
      )
      return toAccountView(account)
    },
  )

  app.patch(
    '/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Rename an account',
        params: IdParamsSchema,
        body: RenameBodySchema,
        response: { 200: AccountSchema, ...authenticatedErrors, ...notFound },
      },
    },
    async (request) => {
      const account = await renameAccount(
        db,
        principalOf(request).userId,
        request.params.id,
        request.body.name,
      )
      return toAccountView(account)
    },
  )

  app.get(
    '/v1/accounts/:id/balance',
    {
      schema: {
        tags,
        summary: "The account's balance on a chain, as its node reports it",
        params: IdParamsSchema,
        querystring: ChainIdQuerySchema,
        response: {
          200: BalanceSchema,
          ...authenticatedErrors,
          ...errorResponses(404, 409),
        },
      },
    },
    async (request) =>
      getBalance(
        db,
        chains,
        principalOf(request).userId,
        request.params.id,
        request.query.chainId,
      ),
  )
}

export default accountRoutes
