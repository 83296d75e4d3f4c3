import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { Database } from '../../shared/db/client.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import { getAccount, renameAccount } from './account-service.js'
import { AccountSchema, RenameBodySchema, toAccountView } from './schemas.js'

const accountRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (
  app,
  { db },
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
}

export default accountRoutes
