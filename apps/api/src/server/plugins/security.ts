import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

import securityHeaders from './security-headers.js'

export interface SecurityOptions {
  corsOrigins: string[]
}

/**
 * Security headers on every answer and CORS for the configured origins
 * only. An origin not on the list gets no CORS headers, so browsers keep
 * its scripts out.
 */
export default fp<SecurityOptions>(
  async function securityPlugin(app: FastifyInstance, options) {
    await app.register(securityHeaders)
    await app.register(cors, {
      origin: options.corsOrigins,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    })
  },
  { name: 'security' },
)
