import { randomBytes } from 'node:crypto'

import { Redis } from 'ioredis'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'

import { connectDatabase } from '../src/shared/db/client.js'
import { ensureDatabase, runMigrations } from '../src/shared/db/migrate.js'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    redisUrl: string
    redisPrefix: string
  }
}

const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432'
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * Each run gets a database and a Redis prefix of its own, so two runs at
 * once, or one after another, never see each other's data.
 */
export default async function setup(project: TestProject) {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const name = `custos_test_${run}`
  const databaseUrl = `${POSTGRES_URL}/${name}`
  const redisPrefix = `custos-test-${run}`

  await ensureDatabase(databaseUrl)
  const handle = connectDatabase(databaseUrl, { max: 2 })
  await runMigrations(handle)
  await handle.close()

  project.provide('databaseUrl', databaseUrl)
  project.provide('redisUrl', REDIS_URL)
  project.provide('redisPrefix', redisPrefix)

  return async () => {
    const admin = postgres(`${POSTGRES_URL}/postgres`, { max: 1 })
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
    await deleteKeys(redisPrefix)
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL)
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}*`,
      'COUNT',
      500,
    )
    if (keys.length > 0) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
  await redis.quit()
}
