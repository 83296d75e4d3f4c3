import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { Database } from '../../shared/db/client.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import type { WorkQueue } from '../work-queue.js'
import {
  SIGN_MESSAGE_BODY_LIMIT,
  SignatureSchema,
  SignMessageBodySchema,
  SignTypedDataBodySchema,
} from './signing-schemas.js'
import { createReadyAccounts } from './ready-accounts.js'
import { signWithAccount } from './signing-service.js'

export interface SigningRoutesOptions {
  db: Database
  workQueue: WorkQueue
  signTimeoutMs: number
}

/** EIP-191 and EIP-712 signatures by an account, made by a signer. */
const signingRoutes: FastifyPluginAsyncTypebox<SigningRoutesOptions> = async (
  app,
  { db, workQueue, signTimeoutMs },
) => {
  const deps = {
    accounts: createReadyAccounts(db),
    workQueue,
    timeoutMs: signTimeoutMs,
  }
  const tags = ['accounts']
  const response = {
    200: SignatureSchema,
    ...authenticatedErrors,
    ...errorResponses(404, 409, 500),
  }

  app.post(
    '/v1/accounts/:id/sign-message',
    {
      bodyLimit: SIGN_MESSAGE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Sign a message (EIP-191, as personal_sign does)',
        params: IdParamsSchema,
        body: SignMessageBodySchema,
        response,
      },
    },
    async (request) => {
      const { message } = request.body
      return signWithAccount(
        deps,
        principalOf(request).userId,
        request.params.id,
        {
          kind: 'message',
          message: typeof message === 'string' ? { text: message } : message,
        },
        request.log,
      )
    },
  )

  app.post(
    '/v1/accounts/:id/sign-typed-data',
    {
      schema: {
        tags,
        summary: 'Sign typed data (EIP-712, as eth_signTypedData_v4 does)',
        params: IdParamsSchema,
        body: SignTypedDataBodySchema,
        response,
      },
    },
    async (request) =>
      signWithAccount(
        deps,
        principalOf(request).userId,
        request.params.id,
        { kind: 'typed-data', typedData: request.body },
        request.log,
      ),
  )
}

export default signingRoutes
