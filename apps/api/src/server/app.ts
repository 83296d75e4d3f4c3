import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import type { Redis } from 'ioredis'
import type { DestinationStream } from 'pino'

import type { ChainRegistry } from '../shared/chain-registry.js'
import type { Config } from '../shared/config.js'
import type { DatabaseHandle } from '../shared/db/client.js'
import { loggerOptions } from '../shared/logger.js'
import accountRoutes from './accounts/routes.js'
import signingRoutes from './accounts/signing-routes.js'
import { createApiKeyCache } from './api-keys/api-key-cache.js'
import { openRevocationChannel } from './api-keys/revocations.js'
import apiKeyRoutes from './api-keys/routes.js'
import type { DevIssuer } from './auth/dev-issuer.js'
import chainRoutes from './chains/routes.js'
import clientConfigRoutes from './client-config/routes.js'
import faucetRoutes from './dev-faucet/routes.js'
import { createTokenVerifier } from './auth/token-verifier.js'
import devAuthRoutes from './dev-auth/routes.js'
import healthRoutes from './health/routes.js'
import { validatorCompiler } from './http/validation.js'
import authenticate from './plugins/authenticate.js'
import errors, { replyWithError } from './plugins/errors.js'
import metrics from './plugins/metrics.js'
import openapi from './plugins/openapi.js'
import queueDashboard from './plugins/queue-dashboard.js'
import rateLimit from './plugins/rate-limit.js'
import requestIdPlugin, { requestId } from './plugins/request-id.js'
import requestLog from './plugins/request-log.js'
import security from './plugins/security.js'
import webUi from './plugins/web-ui.js'
import transactionRoutes from './transactions/routes.js'
import userRoutes from './users/routes.js'
import walletRoutes from './wallets/routes.js'
import type { WorkQueue } from './work-queue.js'

/** What the HTTP app is built from; main.ts opens these, tests too. */
export interface AppDependencies {
  config: Config
  database: DatabaseHandle
  redis: Redis
  workQueue: WorkQueue
  chains: ChainRegistry
  /** Present when the development issuer is on. */
  devIssuer: DevIssuer | undefined
  /** Where log lines go; standard output when absent. */
  logStream?: DestinationStream
}

export async function buildApp(
  deps: AppDependencies,
): Promise<FastifyInstance> {
  const { config, database, redis, devIssuer, workQueue, chains } = deps
  const app = Fastify({
    logger: {
      ...loggerOptions(config.logLevel, 'custos-api'),
      ...(deps.logStream && { stream: deps.logStream }),
    },
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    // One line per answered request comes from the request-log plugin.
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: (error, request, reply) => {
      void replyWithError(error, request, reply)
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  // JSON is the only body the API understands; without this, text/plain
  // would be parsed as a string and fail later, with a less useful error.
  app.removeContentTypeParser('text/plain')

  await app.register(errors)
  await app.register(requestIdPlugin)
  await app.register(requestLog)
  await app.register(security, { corsOrigins: config.corsOrigins })
  const apiKeyCache = createApiKeyCache(config.auth.apiKeyCacheMs)
  const revocations = openRevocationChannel(
    redis,
    config.redisPrefix,
    apiKeyCache,
    app.log,
  )
  app.addHook('onClose', () => revocations.close())
  await app.register(authenticate, {
    db: database.db,
    verifier: createTokenVerifier(config.auth, devIssuer?.jwks),
    apiKeyCache,
  })
  await app.register(rateLimit, {
    redis,
    redisPrefix: config.redisPrefix,
    ...config.rateLimit,
  })
  await app.register(openapi)
  await app.register(metrics, { workQueue, admin: config.admin })
  await app.register(queueDashboard, { workQueue, admin: config.admin })
  await app.register(webUi, { dynamic: config.auth.dynamic !== undefined })

  await app.register(healthRoutes, { database, redis })
  await app.register(clientConfigRoutes, { config })
  if (devIssuer) await app.register(devAuthRoutes, { devIssuer })

  await app.register(async (authenticated) => {
    authenticated.addHook('onRequest', authenticated.authenticate)
    await authenticated.register(userRoutes, { db: database.db })
    await authenticated.register(apiKeyRoutes, {
      db: database.db,
      revocations,
    })
    await authenticated.register(walletRoutes, { db: database.db, workQueue })
    await authenticated.register(accountRoutes, { db: database.db, chains })
    await authenticated.register(signingRoutes, {
      db: database.db,
      workQueue,
      signTimeoutMs: config.signTimeoutMs,
    })
    await authenticated.register(transactionRoutes, {
      db: database.db,
      chains,
      workQueue,
      sendWaitMs: config.sendWaitMs,
    })
    await authenticated.register(chainRoutes, { chains })
    if (config.devFaucet) await authenticated.register(faucetRoutes, { chains })
  })

  return app
}
