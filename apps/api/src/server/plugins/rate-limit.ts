import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'

import { AppError } from '../../shared/errors.js'

export interface RateLimitOptions {
  redis: Redis
  redisPrefix: string
  max: number
  windowMs: number
}

/**
 * A per-caller request budget, counted in Redis so that every API process
 * shares it. It runs after authentication: a signed-in caller is counted
 * by user, anyone else by address. When Redis is down requests go through
 * uncounted rather than fail.
 */
export default fp<RateLimitOptions>(
  async function rateLimitPlugin(app: FastifyInstance, options) {
    await app.register(rateLimit, {
      hook: 'preHandler',
      max: options.max,
      timeWindow: options.windowMs,
      redis: options.redis,
      nameSpace: `${options.redisPrefix}:rate:`,
      skipOnError: true,
      keyGenerator: (request) =>
        request.principal
          ? `user:${request.principal.userId}`
          : `ip:${request.ip}`,
      errorResponseBuilder: () => new AppError('RATE_LIMITED'),
    })
  },
  { name: 'rate-limit', dependencies: ['authenticate'] },
)
