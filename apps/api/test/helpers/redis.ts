import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Redis } from 'ioredis'

/** Every key under `prefix` (`<prefix>:…`), found with SCAN. */
export async function keysUnder(
  redis: Redis,
  prefix: string,
): Promise<string[]> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(
      cursor,
      'MATCH',
      `${prefix}:*`,
      'COUNT',
      500,
    )
    keys.push(...batch)
    cursor = next
  } while (cursor !== '0')
  return keys
}

/**
 * Deletes every key under `prefix`. For one deployment this is what
 * FLUSHALL does, without touching anyone else's keys on a shared server.
 */
export async function deleteKeysUnder(
  redis: Redis,
  prefix: string,
): Promise<number> {
  const keys = await keysUnder(redis, prefix)
  if (keys.length > 0) await redis.del(...keys)
  return keys.length
}

// How each type of value is read whole.
const READERS: Record<string, (key: string) => [string, ...string[]]> = {
  string: (key) => ['GET', key],
  hash: (key) => ['HGETALL', key],
  list: (key) => ['LRANGE', key, '0', '-1'],
  set: (key) => ['SMEMBERS', key],
  zset: (key) => ['ZRANGE', key, '0', '-1', 'WITHSCORES'],
  stream: (key) => ['XRANGE', key, '-', '+'],
}

/**
 * Every key under `prefix` and everything it holds, as text: each value
 * both as UTF-8 and as hex, so that a scan finds text and raw bytes alike.
 */
export async function dumpKeysUnder(
  redis: Redis,
  prefix: string,
): Promise<string> {
  const parts: string[] = []
  for (const key of await keysUnder(redis, prefix)) {
    const type = await redis.type(key)
    const [command, ...args] = READERS[type]?.(key) ?? ['DUMP', key]
    const value = await redis.callBuffer(command, ...args)
    parts.push(key, type, ...flatten(value))
  }
  return parts.join('\n')
}

function flatten(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(flatten)
  if (Buffer.isBuffer(value)) {
    return [value.toString('utf8'), value.toString('hex')]
  }
  return typeof value === 'number' || typeof value === 'string'
    ? [String(value)]
    : []
}

/** A Redis server of a test's own, which it may flush at will. */
export interface PrivateRedis {
  url: string
  /** Shuts the server down; with `keepData` it writes its data first. */
  shutdown(): Promise<void>
  /** Starts the server again on the same port, after `shutdown`. */
  start(): Promise<void>
  /** Kills the server for good. */
  stop(): Promise<void>
}

/** True when a redis-server binary is on the PATH. */
export function canStartRedis(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0
}

export interface PrivateRedisOptions {
  /**
   * Keep the data across a restart in an append-only file, as a
   * production server does; otherwise nothing is kept on disk.
   */
  keepData?: boolean
}

/**
 * Starts a throwaway redis-server on a free local port. FLUSHALL there
 * touches no other test and no other run.
 */
export async function startPrivateRedis(
  options: PrivateRedisOptions = {},
): Promise<PrivateRedis> {
  const port = await freePort()
  const dir = await mkdtemp(path.join(tmpdir(), 'custos-redis-'))
  const persistence = options.keepData
    ? ['--appendonly', 'yes', '--dir', dir]
    : ['--save', '', '--appendonly', 'no']
  const args = ['--port', String(port), '--bind', '127.0.0.1', ...persistence]
  let server = await launchRedis(args)

  async function end(signal: NodeJS.Signals) {
    if (server.process.exitCode !== null) return
    if (server.process.signalCode !== null) return
    server.process.kill(signal)
    await server.exited
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    shutdown: () => end('SIGTERM'),
    async start() {
      server = await launchRedis(args)
    },
    stop: () => end('SIGKILL'),
  }
}

async function launchRedis(args: string[]) {
  const server = spawn('redis-server', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) =>
    server.once('exit', () => resolve()),
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) resolve()
    })
    void exited.then(() =>
      reject(new Error(`redis-server exited early:\n${output}`)),
    )
  })
  return { process: server, exited }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
