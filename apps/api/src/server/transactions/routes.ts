import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import type { Database } from '../../shared/db/client.js'
import { IdempotencyHeadersSchema } from '../http/idempotency.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
  PageQuerySchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import type { WorkQueue } from '../work-queue.js'
import { estimateSend } from './estimate-service.js'
import {
  SendEstimateSchema,
  SendTransactionBodySchema,
  toSendEstimateView,
  toTransactionView,
  TransactionPageSchema,
  TransactionSchema,
} from './schemas.js'
import { recordSend } from './send-service.js'
import {
  getTransaction,
  listAccountTransactions,
} from './transaction-service.js'

export interface TransactionRoutesOptions {
  db: Database
  chains: ChainRegistry
  workQueue: WorkQueue
  /** How long a send waits for a signer to broadcast (SEND_WAIT_MS). */
  sendWaitMs: number
}

const REPLAYED_HEADER = 'idempotent-replayed'

const transactionRoutes: FastifyPluginAsyncTypebox<
  TransactionRoutesOptions
> = async (app, { db, chains, workQueue, sendWaitMs }) => {
  const tags = ['transactions']
  const notFound = errorResponses(404)

  app.post(
    '/v1/accounts/:id/transactions',
    {
      schema: {
        tags,
        summary:
          'Send a transaction from an account; answers once it is ' +
          'broadcast, or still queued after SEND_WAIT_MS',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: SendTransactionBodySchema,
        response: {
          202: TransactionSchema,
          ...authenticatedErrors,
          ...errorResponses(404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request)
      const outcome = await recordSend(
        { db, chains },
        userId,
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      )
      const { id } = outcome.body

      if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true')
      else {
        request.log.info({ transactionId: id }, 'transaction recorded')
        await workQueue.sendTransaction(id, {
          waitMs: sendWaitMs,
          log: request.log,
        })
      }
      const current = await getTransaction(db, userId, id)
      return reply.status(202).send(toTransactionView(current))
    },
  )

  app.post(
    '/v1/accounts/:id/transactions/estimate',
    {
      schema: {
        tags,
        summary:
          'What a send would cost now; refused as the send would be, and ' +
          'nothing is recorded',
        params: IdParamsSchema,
        body: SendTransactionBodySchema,
        response: {
          200: SendEstimateSchema,
          ...authenticatedErrors,
          ...errorResponses(404, 409, 422),
        },
      },
    },
    async (request) => {
      const estimate = await estimateSend(
        { db, chains },
        principalOf(request).userId,
        request.params.id,
        request.body,
      )
      return toSendEstimateView(estimate)
    },
  )

  app.get(
    '/v1/accounts/:id/transactions',
    {
      schema: {
        tags,
        summary: "An account's transactions, newest first",
        params: IdParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: TransactionPageSchema,
          ...authenticatedErrors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query
      const page = await listAccountTransactions(
        db,
        principalOf(request).userId,
        request.params.id,
        limit,
        cursor,
      )
      return {
        data: page.data.map(toTransactionView),
        nextCursor: page.nextCursor,
      }
    },
  )

  app.get(
    '/v1/transactions/:id',
    {
      schema: {
        tags,
        summary: 'A transaction',
        params: IdParamsSchema,
        response: {
          200: TransactionSchema,
          ...authenticatedErrors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const row = await getTransaction(
        db,
        principalOf(request).userId,
        request.params.id,
      )
      return toTransactionView(row)
    },
  )
}

export default transactionRoutes
