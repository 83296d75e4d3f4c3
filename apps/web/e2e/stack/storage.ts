import { Redis } from 'ioredis'
import postgres from 'postgres'

/** Where the run's PostgreSQL and Redis are; the local ones by default. */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432'
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Drops the run's database. The API made it at start-up; `force` ends
 * connections a killed process may have left behind.
 */
export async function dropDatabase(name: string): Promise<void> {
  const sql = postgres(`${POSTGRES_URL}/postgres`, {
    max: 1,
    onnotice: () => {},
  })
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await sql.end()
  }
}

/** Deletes every Redis key under the run's prefix, and no other. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true })
  await redis.connect()
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}:*`,
        'COUNT',
        500,
      )
      if (keys.length > 0) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}
