import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

import type { Database } from '../../shared/db/client.js'
import { createAccount, createAccounts } from '../accounts/account-service.js'
import {
  AccountListSchema,
  AccountSchema,
  CreateAccountBodySchema,
  CreateAccountsBodySchema,
  RenameBodySchema,
  toAccountView,
} from '../accounts/schemas.js'
import { IdempotencyHeadersSchema } from '../http/idempotency.js'
import {
  authenticatedErrors,
  errorResponses,
  IdParamsSchema,
  PageQuerySchema,
} from '../http/schemas.js'
import { principalOf } from '../plugins/authenticate.js'
import type { WorkQueue } from '../work-queue.js'
import {
  CreateWalletBodySchema,
  toWalletView,
  toWalletWithAccounts,
  WalletPageSchema,
  WalletSchema,
  WalletWithAccountsSchema,
} from './schemas.js'
import {
  createWallet,
  getWalletWithAccounts,
  listWallets,
  renameWallet,
} from './wallet-service.js'

export interface WalletRoutesOptions {
  db: Database
  workQueue: WorkQueue
}

const REPLAYED_HEADER = 'idempotent-replayed'

const walletRoutes: FastifyPluginAsyncTypebox<WalletRoutesOptions> = async (
  app,
  { db, workQueue },
) => {
  const tags = ['wallets']
  const notFound = errorResponses(404)

  app.post(
    '/v1/wallets',
    {
      schema: {
        tags,
        summary: 'Create a wallet; a signer makes its seed and account 0',
        headers: IdempotencyHeadersSchema,
        body: CreateWalletBodySchema,
        response: {
          202: WalletSchema,
          ...authenticatedErrors,
          ...errorResponses(409),
        },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request)
      const outcome = await createWallet(
        db,
        userId,
        request.body.name,
        request.headers['idempotency-key'],
      )

      if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true')
      else {
        request.log.info({ walletId: outcome.body.id }, 'wallet requested')
        await workQueue.announceWallet(outcome.body.id, request.log)
      }
      return reply.status(202).send(outcome.body)
    },
  )

  app.get(
    '/v1/wallets',
    {
      schema: {
        tags,
        summary: "The user's wallets, newest first",
        querystring: PageQuerySchema,
        response: { 200: WalletPageSchema, ...authenticatedErrors },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query
      const page = await listWallets(
        db,
        principalOf(request).userId,
        limit,
        cursor,
      )
      return { data: page.data.map(toWalletView), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/v1/wallets/:id',
    {
      schema: {
        tags,
        summary: 'A wallet with its accounts',
        params: IdParamsSchema,
        response: {
          200: WalletWithAccountsSchema,
          ...authenticatedErrors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const { wallet, accounts } = await getWalletWithAccounts(
        db,
        principalOf(request).userId,
        request.params.id,
      )
      return toWalletWithAccounts(wallet, accounts)
    },
  )

  app.patch(
    '/v1/wallets/:id',
    {
      schema: {
        tags,
        summary: 'Rename a wallet',
        params: IdParamsSchema,
        body: RenameBodySchema,
        response: { 200: WalletSchema, ...authenticatedErrors, ...notFound },
      },
    },
    async (request) => {
      const wallet = await renameWallet(
        db,
        principalOf(request).userId,
        request.params.id,
        request.body.name,
      )
      return toWalletView(wallet)
    },
  )

  app.post(
    '/v1/wallets/:id/accounts',
    {
      schema: {
        tags,
        summary: 'Derive the next account of a ready wallet',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: CreateAccountBodySchema,
        response: {
          202: AccountSchema,
          ...authenticatedErrors,
          ...errorResponses(404, 409),
        },
      },
    },
    async (request, reply) => {
      const outcome = await createAccount(
        db,
        principalOf(request).userId,
        request.params.id,
        request.body.name,
        request.headers['idempotency-key'],
      )

      if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true')
      else {
        request.log.info({ accountId: outcome.body.id }, 'account requested')
        await workQueue.announceAccount(outcome.body.id, request.log)
      }
      return reply.status(202).send(outcome.body)
    },
  )

  app.post(
    '/v1/wallets/:id/accounts/batch',
    {
      schema: {
        tags,
        summary: 'Derive the next accounts of a ready wallet, in one job',
        params: IdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: CreateAccountsBodySchema,
        response: {
          202: AccountListSchema,
          ...authenticatedErrors,
          ...errorResponses(404, 409),
        },
      },
    },
    async (request, reply) => {
      const outcome = await createAccounts(
        db,
        principalOf(request).userId,
        request.params.id,
        request.body.count,
        request.headers['idempotency-key'],
      )

      if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true')
      else {
        const accountIds = outcome.body.data.map((account) => account.id)
        request.log.info(
          { walletId: request.params.id, count: accountIds.length },
          'accounts requested',
        )
        await workQueue.announceAccounts(accountIds, request.log)
      }
      return reply.status(202).send(outcome.body)
    },
  )

  app.get(
    '/v1/wallets/:id/accounts',
    {
      schema: {
        tags,
        summary: "A wallet's accounts, by index",
        params: IdParamsSchema,
        response: {
          200: AccountListSchema,
          ...authenticatedErrors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const { accounts } = await getWalletWithAccounts(
        db,
        principalOf(request).userId,
        request.params.id,
      )
      return { data: accounts.map(toAccountView) }
    },
  )
}

export default walletRoutes
