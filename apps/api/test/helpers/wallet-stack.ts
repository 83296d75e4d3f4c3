import { randomBytes } from 'node:crypto'

import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { inject } from 'vitest'

import type { AccountView } from '../../src/server/accounts/schemas.js'
import type { WalletView } from '../../src/server/wallets/schemas.js'
import { connectDatabase } from '../../src/shared/db/client.js'
import { ensureDatabase, runMigrations } from '../../src/shared/db/migrate.js'
import { bearer, startTestApp, unique, type TestApp } from './app.js'
import { newMasterKey, type TestMasterKey } from './custody.js'
import { startSigner, waitFor, type RunningSigner } from './signer.js'

export type WalletWithAccounts = WalletView & { accounts: AccountView[] }

/**
 * The whole custody system for one test file (or one test): the real API,
 * real signer processes, and a PostgreSQL database and Redis prefix of its
 * own. The database is not shared with other files because a signer's
 * reconciler takes up every pending row it finds: a neighbour's signer,
 * holding another master key, would seal this file's wallets.
 */
export interface WalletStack {
  t: TestApp
  databaseUrl: string
  redisUrl: string
  redisPrefix: string
  masterKey: TestMasterKey
  /** A client of the stack's Redis, for inspecting and deleting keys. */
  redis: Redis
  /** The body of every answer received through {@link request}. */
  responses: string[]
  request(options: InjectOptions): Promise<Response>
  /** Signs a new user in; returns the bearer headers. */
  signIn(base?: string): Promise<{ authorization: string }>
  /** The stack's shared signer, started on first use. */
  signer(): Promise<RunningSigner>
  /** Starts one more signer; `env` adds or overrides variables. */
  startSigner(env?: Record<string, string>): Promise<RunningSigner>
  /** SIGTERM to every running signer of this stack, and waits for each. */
  stopSigners(): Promise<void>
  /** Output of every signer this stack started, running or not. */
  signerOutput(): string
  /** Parsed log lines of every signer this stack started. */
  signerLogs(): Record<string, unknown>[]
  close(): Promise<void>
}

export interface WalletStackOptions {
  /** Another Redis server than the run's, such as a private one. */
  redisUrl?: string
  /** Variables for the API and every signer, such as RPC_URL. */
  env?: Record<string, string>
}

export async function startWalletStack(
  options: WalletStackOptions = {},
): Promise<WalletStack> {
  const database = await createDatabase()
  const redisUrl = options.redisUrl ?? inject('redisUrl')
  const suffix = randomBytes(4).toString('hex')
  const redisPrefix = `${inject('redisPrefix')}-signer-${suffix}`
  const masterKey = newMasterKey()
  const t = await startTestApp({
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    ...options.env,
  })
  const redis = new Redis(redisUrl)
  // A test may stop the server: commands then fail, and say so themselves.
  redis.on('error', () => {})
  const signers: RunningSigner[] = []
  let shared: RunningSigner | undefined
  const responses: string[] = []

  const stack: WalletStack = {
    t,
    databaseUrl: database.url,
    redisUrl,
    redisPrefix,
    masterKey,
    redis,
    responses,
    async request(options) {
      const response = await t.app.inject(options)
      responses.push(response.body)
      return response
    },
    async signIn(base = 'user') {
      const response = await stack.request({
        method: 'POST',
        url: '/v1/auth/dev-token',
        payload: { sub: unique(base) },
      })
      return bearer(response.json<{ token: string }>().token)
    },
    async signer() {
      if (!shared || isDead(shared)) shared = await stack.startSigner()
      return shared
    },
    async startSigner(env = {}) {
      const signer = await startSigner({
        databaseUrl: database.url,
        redisUrl,
        redisPrefix,
        masterKey: masterKey.base64,
        env: { ...options.env, ...env },
      })
      signers.push(signer)
      return signer
    },
    async stopSigners() {
      await Promise.all(signers.map((signer) => signer.stop()))
    },
    signerOutput: () => signers.map((signer) => signer.output()).join('\n'),
    signerLogs: () => signers.flatMap((signer) => signer.logs()),
    async close() {
      for (const signer of signers) signer.kill('SIGKILL')
      await Promise.all(signers.map((signer) => signer.exited))
      await t.close()
      redis.disconnect()
      await database.drop()
    },
  }
  return stack
}

function isDead(signer: RunningSigner): boolean {
  return signer.process.exitCode !== null || signer.process.signalCode !== null
}

/** A fresh, migrated database named after the run's, dropped by `drop`. */
async function createDatabase() {
  const url = new URL(inject('databaseUrl'))
  url.pathname = `${url.pathname}_${randomBytes(4).toString('hex')}`
  await ensureDatabase(url.toString())
  // Two connections: one holds the migration lock while the other migrates.
  const handle = connectDatabase(url.toString(), { max: 2 })
  await runMigrations(handle)
  await handle.close()

  return {
    url: url.toString(),
    async drop() {
      const admin = new URL(url)
      admin.pathname = '/postgres'
      const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
      const name = url.pathname.slice(1)
      await sql.unsafe(`drop database if exists "${name}" with (force)`)
      await sql.end()
    },
  }
}

/** POST /v1/wallets; returns the answer. */
export function postWallet(
  stack: WalletStack,
  headers: Record<string, string>,
  name = unique('wallet'),
): Promise<Response> {
  return stack.request({
    method: 'POST',
    url: '/v1/wallets',
    headers,
    payload: { name },
  })
}

/** POST /v1/wallets/:id/accounts; returns the answer. */
export function postAccount(
  stack: WalletStack,
  headers: Record<string, string>,
  walletId: string,
  payload: Record<string, unknown> = {},
): Promise<Response> {
  return stack.request({
    method: 'POST',
    url: `/v1/wallets/${walletId}/accounts`,
    headers,
    payload,
  })
}

/** Creates a wallet and returns its id; fails unless the API said 202. */
export async function createWallet(
  stack: WalletStack,
  headers: Record<string, string>,
): Promise<string> {
  const response = await postWallet(stack, headers)
  if (response.statusCode !== 202) {
    throw new Error(`POST /v1/wallets answered ${response.statusCode}`)
  }
  return response.json<WalletView>().id
}

/** Creates an account and returns it; fails unless the API said 202. */
export async function createAccount(
  stack: WalletStack,
  headers: Record<string, string>,
  walletId: string,
): Promise<AccountView> {
  const response = await postAccount(stack, headers, walletId)
  if (response.statusCode !== 202) {
    throw new Error(`POST accounts answered ${response.statusCode}`)
  }
  return response.json<AccountView>()
}

export async function getWallet(
  stack: WalletStack,
  headers: Record<string, string>,
  walletId: string,
): Promise<WalletWithAccounts> {
  const response = await stack.request({
    url: `/v1/wallets/${walletId}`,
    headers,
  })
  if (response.statusCode !== 200) {
    throw new Error(`GET wallet answered ${response.statusCode}`)
  }
  return response.json<WalletWithAccounts>()
}

/** An API key as POST /v1/api-keys made it: the only answer with `key`. */
export interface CreatedApiKey {
  id: string
  key: string
}

/** Makes an API key for a signed-in user; fails unless the API said 201. */
export async function createApiKey(
  stack: WalletStack,
  headers: Record<string, string>,
  name = unique('key'),
): Promise<CreatedApiKey> {
  const response = await stack.request({
    method: 'POST',
    url: '/v1/api-keys',
    headers,
    payload: { name },
  })
  if (response.statusCode !== 201) {
    throw new Error(`POST /v1/api-keys answered ${response.statusCode}`)
  }
  return response.json<CreatedApiKey>()
}

/** Polls GET /v1/wallets/:id until the wallet and its accounts are done. */
export function waitForWallet(
  stack: WalletStack,
  headers: Record<string, string>,
  walletId: string,
  timeoutMs = 20_000,
): Promise<WalletWithAccounts> {
  return waitFor(
    async () => {
      const wallet = await getWallet(stack, headers, walletId)
      const pending =
        wallet.status === 'pending' ||
        wallet.accounts.some((account) => account.status === 'pending')
      return !pending && wallet
    },
    { timeoutMs, message: `wallet ${walletId} to be done` },
  )
}

/** Creates a wallet and waits until a signer has made it ready. */
export async function readyWallet(
  stack: WalletStack,
  headers: Record<string, string>,
): Promise<WalletWithAccounts> {
  const id = await createWallet(stack, headers)
  const wallet = await waitForWallet(stack, headers, id)
  if (wallet.status !== 'ready') throw new Error(`wallet ${id} failed`)
  return wallet
}
