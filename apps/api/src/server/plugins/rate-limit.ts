import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'

import { AppError } from '../../shared/errors.js'
import { batchedRedisStore } from './rate-limit-store.js'

export interface RateLimitOptions {
  redis: Redis
  redisPrefix: string
  max: number
  windowMs: number
  syncMs: number
}

/**
 * A per-caller request budget, shared by every API process through Redis
 * (see rate-limit-store.ts for how counts get there). It runs after
 * authentication: a signed-in caller is counted by user, anyone else by
 * address. While Redis is down each process counts on its own.
 */
export default fp<RateLimitOptions>(
  async function rateLimitPlugin(app: FastifyInstance, options) {
    await app.register(rateLimit, {
      hook: 'preHandler',
      max: options.max,
      timeWindow: options.windowMs,
      store: batchedRedisStore({
        redis: options.redis,
        prefix: `${options.redisPrefix}:rate:`,
        syncMs: options.syncMs,
      }),
      keyGenerator: (request) =>
        request.principal
          ? `user:${request.principal.userId}`
          : `ip:${request.ip}`,
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    })
  },
  { name: 'rate-limit', dependencies: ['authenticate'] },
)
