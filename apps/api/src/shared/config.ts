import path from 'node:path'

import { readChainSource, type ChainSource } from './chains.js'
import { ConfigError, EnvReader, type Env } from './env.js'

export const DEV_ISSUER = 'custos-dev'
export const DEV_AUDIENCE = 'custos'

export interface DynamicConfig {
  environmentId: string
  /** Base of Dynamic's API; the JWKS lives below it. */
  apiUrl: string
}

export interface JwksIssuerConfig {
  jwksUrl: string
  issuer: string | undefined
  audience: string | undefined
}

export interface AuthConfig {
  dynamic: DynamicConfig | undefined
  jwks: JwksIssuerConfig | undefined
  devIssuer: boolean
  clockSkewSeconds: number
  /** Least time between two JWKS fetches caused by an unknown `kid`. */
  jwksCooldownSeconds: number
  jwksCacheSeconds: number
  /**
   * How long an API process trusts an API key it verified without reading
   * it again; a key revoked elsewhere works here that long at most.
   */
  apiKeyCacheMs: number
}

/** What both processes, API and signer, read from the environment. */
export interface BaseConfig {
  nodeEnv: 'development' | 'production' | 'test'
  production: boolean
  logLevel: string
  databaseUrl: string
  /**
   * Connections each process keeps to PostgreSQL. Few is faster: queries
   * that share a connection share its writes, and PostgreSQL runs fewer
   * backends on the same cores.
   */
  databasePoolSize: number
  redisUrl: string
  /** Prefix of every Redis key Custos writes. */
  redisPrefix: string
  dataDir: string
}

/** The API process's configuration. */
export interface Config extends BaseConfig {
  host: string
  port: number
  trustProxy: boolean
  corsOrigins: string[]
  bodyLimitBytes: number
  rateLimit: {
    max: number
    windowMs: number
    /** How often each process adds its counts to the shared ones. */
    syncMs: number
  }
  /** Basic-auth credential for /metrics and /admin/queues. */
  admin: { username: string; password: string }
  auth: AuthConfig
  chains: ChainSource
  /** POST /v1/dev/faucet, funding addresses from the node's own accounts. */
  devFaucet: boolean
  /** How long a signing request waits for a signer before answering 503. */
  signTimeoutMs: number
  /**
   * How long POST /v1/accounts/:id/transactions waits for a signer to
   * broadcast, so that its answer carries the hash; 0 answers at once.
   */
  sendWaitMs: number
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/custos'
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379'
const IN_PRODUCTION = 'when NODE_ENV=production'
const DYNAMIC_API_URL = 'https://app.dynamic.xyz'

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** Reads the settings shared by every process. */
export function readBaseConfig(read: EnvReader): BaseConfig {
  const nodeEnv = read.oneOf(
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  )
  const production = nodeEnv === 'production'

  const databaseUrl = production
    ? read.required('DATABASE_URL', IN_PRODUCTION)
    : read.string('DATABASE_URL', DEFAULT_DATABASE_URL)
  read.url('DATABASE_URL', ['postgres:', 'postgresql:'], databaseUrl)
  const redisUrl = production
    ? read.required('REDIS_URL', IN_PRODUCTION)
    : read.string('REDIS_URL', DEFAULT_REDIS_URL)
  read.url('REDIS_URL', ['redis:', 'rediss:'], redisUrl)

  return {
    nodeEnv,
    production,
    logLevel: read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    databaseUrl,
    databasePoolSize: read.integer('DATABASE_POOL_SIZE', 4, 2, 100),
    redisUrl,
    redisPrefix: read.string('REDIS_PREFIX', 'custos'),
    dataDir: path.resolve(read.string('DATA_DIR', '.data')),
  }
}

/**
 * Reads the API's whole configuration once. Every problem is collected and
 * reported together in a ConfigError. In production nothing
 * security-relevant falls back to a development default.
 */
export function loadConfig(env: Env = process.env): Config {
  const read = new EnvReader(env)
  const base = readBaseConfig(read)
  const { production } = base

  const auth = readAuth(read, production)
  if (production && !read.has('CORS_ORIGINS')) {
    read.required('CORS_ORIGINS', `${IN_PRODUCTION} (may list no origin: ",")`)
  }

  const config: Config = {
    ...base,
    host: read.string('HOST', 'localhost'),
    port: read.integer('PORT', 8080, 0, 65535),
    trustProxy: read.boolean('TRUST_PROXY', false),
    corsOrigins: read.list(
      'CORS_ORIGINS',
      production ? [] : ['http://localhost:5173', 'http://localhost:8080'],
    ),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 64 * 1024, 1024),
    rateLimit: {
      max: read.integer('RATE_LIMIT_MAX', 600, 1),
      windowMs: read.integer('RATE_LIMIT_WINDOW_MS', 60_000, 1000),
      syncMs: read.integer('RATE_LIMIT_SYNC_MS', 50, 1, 1000),
    },
    admin: readAdmin(read, production),
    auth,
    chains: readChainSource(read, production),
    devFaucet: readDevFaucet(read, production),
    signTimeoutMs: read.integer('SIGN_TIMEOUT_MS', 10_000, 100, 120_000),
    sendWaitMs: read.integer('SEND_WAIT_MS', 10_000, 0, 60_000),
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}

function readDevFaucet(read: EnvReader, production: boolean): boolean {
  const on = read.boolean('DEV_FAUCET', !production)
  if (on && production) {
    read.problems.push('DEV_FAUCET cannot be on in production')
  }
  return on
}

function readAdmin(read: EnvReader, production: boolean) {
  const password = production
    ? read.required('ADMIN_PASSWORD', IN_PRODUCTION)
    : read.string('ADMIN_PASSWORD', 'custos-admin')
  if (production && password.length > 0 && password.length < 16) {
    read.problems.push('ADMIN_PASSWORD must be at least 16 characters')
  }
  return { username: read.string('ADMIN_USERNAME', 'admin'), password }
}

function readAuth(read: EnvReader, production: boolean): AuthConfig {
  const environmentId = read.string('DYNAMIC_ENVIRONMENT_ID')
  const dynamic = environmentId && {
    environmentId,
    apiUrl: withoutTrailingSlash(
      read.url('DYNAMIC_API_URL', ['https:', 'http:'], DYNAMIC_API_URL) ?? '',
    ),
  }

  const jwksUrl = read.url('AUTH_JWKS_URL', ['https:', 'http:'])
  const jwks = jwksUrl && {
    jwksUrl,
    issuer: read.string('AUTH_ISSUER'),
    audience: read.string('AUTH_AUDIENCE'),
  }
  if (jwks && production) {
    read.required('AUTH_ISSUER', 'with AUTH_JWKS_URL in production')
    read.required('AUTH_AUDIENCE', 'with AUTH_JWKS_URL in production')
  }
  if (!jwks && (read.has('AUTH_ISSUER') || read.has('AUTH_AUDIENCE'))) {
    read.problems.push('AUTH_ISSUER and AUTH_AUDIENCE need AUTH_JWKS_URL')
  }

  const devIssuer = read.boolean('AUTH_DEV_ISSUER', !production)
  if (production && devIssuer) {
    read.problems.push(
      'AUTH_DEV_ISSUER cannot be on in production: anyone could sign in',
    )
  }
  if (production && !dynamic && !jwks) {
    read.problems.push(
      'set DYNAMIC_ENVIRONMENT_ID or AUTH_JWKS_URL: production needs a ' +
        'sign-in issuer',
    )
  }

  return {
    dynamic: dynamic || undefined,
    jwks: jwks || undefined,
    devIssuer,
    clockSkewSeconds: read.integer('AUTH_CLOCK_SKEW_SECONDS', 30, 0, 300),
    jwksCooldownSeconds: read.integer('AUTH_JWKS_COOLDOWN_SECONDS', 30, 0),
    jwksCacheSeconds: read.integer('AUTH_JWKS_CACHE_SECONDS', 600, 0),
    apiKeyCacheMs: read.integer('API_KEY_CACHE_MS', 2000, 0, 60_000),
  }
}
