import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Keeps a caller's `x-request-id` when it is safe to log, else makes one.
 * Passed to Fastify as `genReqId`.
 */
export function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && INCOMING_ID.test(incoming)
    ? incoming
    : randomUUID()
}

/** Echoes the request id on every answer, errors included. */
export default fp(
  async function requestIdPlugin(app: FastifyInstance) {
    app.addHook('onSend', async (request, reply) => {
      reply.header('x-request-id', request.id)
    })
  },
  { name: 'request-id' },
)
