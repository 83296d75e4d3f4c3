import { Redis, type RedisOptions } from 'ioredis'

/**
 * A Redis connection for request-path work (rate limits, health). Commands
 * fail at once while the connection is down instead of queueing, so a lost
 * Redis shows up as a quick error, never as a hung request.
 */
export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...options,
  })
}
