import type { FastifyBaseLogger } from 'fastify'
import type { Redis } from 'ioredis'

import type { ApiKeyCache } from './api-key-cache.js'

/** Tells every API process that API keys were revoked. */
export interface RevocationChannel {
  /**
   * Drops `id` from this process's cache and tells the others to; fails
   * when Redis does not answer.
   */
  announce(id: string): Promise<void>
  close(): Promise<void>
}

/**
 * Keeps `cache` in step with revocations made by any API process, through
 * a Redis channel. The cache is on only once the subscription is
 * confirmed, and off from the moment the connection drops: a revocation
 * announced while this process was not listening is never missed, only
 * read from the database.
 */
export function openRevocationChannel(
  redis: Redis,
  prefix: string,
  cache: ApiKeyCache,
  log: FastifyBaseLogger,
): RevocationChannel {
  const channel = `${prefix}:api-key-revoked`
  const subscriber = redis.duplicate({
    autoResubscribe: false,
    enableOfflineQueue: true,
    lazyConnect: true,
  })

  subscriber.on('message', (_channel: string, id: string) => cache.forget(id))
  subscriber.on('close', () => cache.setLive(false))
  subscriber.on('error', (error: Error) =>
    log.warn({ err: error.message }, 'revocation channel error'),
  )
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(
      () => cache.setLive(true),
      (error: unknown) =>
        log.warn({ err: String(error) }, 'revocation channel not listening'),
    )
  })
  subscriber.connect().catch(() => {
    // Reported through 'error'; ioredis keeps trying to connect.
  })

  return {
    async announce(id) {
      cache.forget(id)
      await redis.publish(channel, id)
    },
    async close() {
      cache.setLive(false)
      subscriber.disconnect()
    },
  }
}
