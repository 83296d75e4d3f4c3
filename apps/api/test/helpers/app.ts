import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'

import type { FastifyInstance } from 'fastify'
import { inject } from 'vitest'

import { loadConfig, type Config } from '../../src/shared/config.js'
import {
  connectDatabase,
  type DatabaseHandle,
} from '../../src/shared/db/client.js'
import { openChains } from '../../src/shared/chain-registry.js'
import { connectRedis } from '../../src/shared/redis.js'
import { buildApp } from '../../src/server/app.js'
import { loadDevIssuer } from '../../src/server/auth/dev-issuer.js'
import { openWorkQueue } from '../../src/server/work-queue.js'

const UNREACHABLE_CHAIN = JSON.stringify([
  {
    id: 31337,
    name: 'Anvil',
    rpcUrl: 'http://127.0.0.1:1',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    confirmations: 1,
  },
])

export interface TestApp {
  app: FastifyInstance
  config: Config
  database: DatabaseHandle
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[]
  /** Raw log output, for scanning for secrets. */
  logText(): string
  close(): Promise<void>
}

/** A name no other test uses, so tests can run in any order and at once. */
export function unique(base: string): string {
  return `${base}-${randomBytes(4).toString('hex')}`
}

/**
 * Builds the real app against the run's PostgreSQL database and Redis.
 * `env` overrides configuration variables; `prepare` may add routes before
 * the app is sealed.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  prepare?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'custos-test-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: inject('redisPrefix'),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    // Tests that need a node start Anvil and pass RPC_URL; the others get
    // a chain whose node is never asked anything.
    CHAINS: env.RPC_URL === undefined ? UNREACHABLE_CHAIN : '',
    ...env,
  })
  const database = connectDatabase(config.databaseUrl, { max: 4 })
  const redis = connectRedis(config.redisUrl)
  redis.on('error', () => {})
  const devIssuer = config.auth.devIssuer
    ? await loadDevIssuer(config.dataDir)
    : undefined

  const chunks: string[] = []
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString())
      done()
    },
  })
  const workQueue = openWorkQueue(config.redisUrl, config.redisPrefix)
  const chains = await openChains(config.chains)
  const app = await buildApp({
    chains,
    config,
    database,
    redis,
    devIssuer,
    workQueue,
    logStream,
  })
  prepare?.(app)
  await app.ready()

  return {
    app,
    config,
    database,
    get logs() {
      return chunks
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    },
    logText: () => chunks.join(''),
    async close() {
      await app.close()
      await database.close()
      await workQueue.close()
      redis.disconnect()
    },
  }
}

/** Signs in through the development issuer and returns the bearer token. */
export async function devToken(
  app: FastifyInstance,
  sub: string,
  email?: string,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/dev-token',
    payload: email === undefined ? { sub } : { sub, email },
  })
  if (response.statusCode !== 200) {
    throw new Error(`dev-token answered ${response.statusCode}`)
  }
  return response.json<{ token: string }>().token
}

export function bearer(credential: string): { authorization: string } {
  return { authorization: `Bearer ${credential}` }
}
