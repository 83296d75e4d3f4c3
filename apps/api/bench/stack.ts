import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { Redis } from 'ioredis'
import postgres from 'postgres'

import type { StackPids } from './cpu.js'
import { BENCH_AUDIENCE, BENCH_ISSUER, startIssuer } from './issuer.js'
import { freePort, startAnvil, startNode, type Child } from './processes.js'

const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432'
const REDIS_URL = 'redis://127.0.0.1:6379'

export interface StackOptions {
  signers: number
  /** Jobs each signer works on at once (SIGNER_CONCURRENCY). */
  signerConcurrency: number
  /** Extra Anvil flags; none means automine. */
  anvilArgs: string[]
}

/** A running Custos of the benchmark's own, in production mode. */
export interface BenchStack {
  apiUrl: string
  rpcUrl: string
  databaseUrl: string
  /** Where every process's log is written. */
  logDir: string
  signers: number
  /** The process ids of the API, the signers and Anvil. */
  pids(): StackPids
  token(subject: string): Promise<string>
  stop(): Promise<void>
}

/**
 * Starts a fresh database, a Redis prefix, Anvil, a JWKS issuer, the API
 * and `signers` signer processes, all from the production build. Whatever
 * started is stopped and removed again by `stop`, also after a failed start.
 */
export async function startStack(options: StackOptions): Promise<BenchStack> {
  const run = randomBytes(4).toString('hex')
  const database = `custos_bench_${run}`
  const redisPrefix = `custos-bench-${run}`
  const logDir = await mkdtemp(path.join(tmpdir(), 'custos-bench-'))
  const children: Child[] = []
  const issuer = await startIssuer()

  async function stop(): Promise<void> {
    await Promise.allSettled(children.reverse().map((child) => child.stop()))
    await issuer.close()
    await dropDatabase(database)
    await deleteRedisKeys(redisPrefix)
  }

  try {
    const anvilPort = await freePort()
    const log = (name: string) => path.join(logDir, `${name}.log`)
    children.push(await startAnvil(anvilPort, options.anvilArgs, log('anvil')))
    const rpcUrl = `http://127.0.0.1:${anvilPort}`
    const apiPort = await freePort()
    const shared = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: `${POSTGRES_URL}/${database}`,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      RPC_URL: rpcUrl,
      DATA_DIR: logDir,
    }

    children.push(
      await startNode(
        'server/main.js',
        {
          ...shared,
          HOST: '127.0.0.1',
          PORT: String(apiPort),
          CORS_ORIGINS: ',',
          ADMIN_PASSWORD: randomBytes(16).toString('hex'),
          AUTH_JWKS_URL: issuer.jwksUrl,
          AUTH_ISSUER: BENCH_ISSUER,
          AUTH_AUDIENCE: BENCH_AUDIENCE,
          // The load comes from one user; the limit is not what is measured.
          RATE_LIMIT_MAX: '100000000',
        },
        /Server listening at/,
        log('api'),
      ),
    )
    const masterKey = randomBytes(32).toString('base64')
    for (let index = 0; index < options.signers; index += 1) {
      children.push(
        await startNode(
          'signer/main.js',
          {
            ...shared,
            MASTER_KEY: masterKey,
            SIGNER_CONCURRENCY: String(options.signerConcurrency),
            TRACK_INTERVAL_MS: '200',
          },
          /signer started/,
          log(`signer-${index + 1}`),
        ),
      )
    }

    return {
      apiUrl: `http://127.0.0.1:${apiPort}`,
      rpcUrl,
      databaseUrl: shared.DATABASE_URL,
      logDir,
      signers: options.signers,
      pids: () => ({
        anvil: pidsOf(children.slice(0, 1)),
        api: pidsOf(children.slice(1, 2)),
        signers: pidsOf(children.slice(2)),
      }),
      token: (subject) => issuer.token(subject),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

function pidsOf(children: Child[]): number[] {
  return children.flatMap(({ process }) =>
    process.pid === undefined ? [] : [process.pid],
  )
}

async function dropDatabase(name: string): Promise<void> {
  const sql = postgres(`${POSTGRES_URL}/postgres`, { onnotice: () => {} })
  try {
    await sql`drop database if exists ${sql(name)} with (force)`
  } finally {
    await sql.end()
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${prefix}:*`,
        'COUNT',
        1000,
      )
      if (keys.length > 0) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.quit().catch(() => {})
  }
}
