import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import prettier from 'prettier'

import { buildApp } from '../../api/src/server/app.js'
import { loadDevIssuer } from '../../api/src/server/auth/dev-issuer.js'
import { openWorkQueue } from '../../api/src/server/work-queue.js'
import { openChains } from '../../api/src/shared/chain-registry.js'
import { loadConfig } from '../../api/src/shared/config.js'
import { connectDatabase } from '../../api/src/shared/db/client.js'
import { connectRedis } from '../../api/src/shared/redis.js'

/** Where the generated types live, committed beside the code using them. */
export const API_TYPES_FILE = path.join(
  import.meta.dirname,
  '../src/lib/api-schema.ts',
)

const HEADER = `/**
 * The API's contract, generated from its OpenAPI document by
 * \`npm run api-types --workspace apps/web\`. Do not edit by hand.
 */
`

// The document is read with every optional route on (the development issuer
// and the faucet), since the UI offers each one the server may have.
const DOCUMENT_ENV = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'silent',
  AUTH_DEV_ISSUER: 'true',
  DEV_FAUCET: 'true',
  CHAINS: JSON.stringify([
    {
      id: 31337,
      name: 'Anvil',
      rpcUrl: 'http://127.0.0.1:1',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      confirmations: 1,
    },
  ]),
}

/**
 * Builds the real API app in this process, as its server would, and reads
 * the OpenAPI document it serves. Nothing is listened on or queried; the
 * database and Redis are only connected to lazily.
 */
export async function readOpenApiDocument(): Promise<OpenAPI3> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'custos-api-types-'))
  const config = loadConfig({ ...DOCUMENT_ENV, DATA_DIR: dataDir })
  const database = connectDatabase(config.databaseUrl, { max: 1 })
  const redis = connectRedis(config.redisUrl, { lazyConnect: true })
  const workQueue = openWorkQueue(config.redisUrl, config.redisPrefix)
  const app = await buildApp({
    config,
    database,
    redis,
    workQueue,
    chains: await openChains(config.chains),
    devIssuer: await loadDevIssuer(dataDir),
  })
  try {
    await app.ready()
    return app.swagger() as OpenAPI3
  } finally {
    await app.close()
    await Promise.allSettled([database.close(), workQueue.close()])
    redis.disconnect()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** The TypeScript source of the API's types, formatted as committed. */
export async function generateApiTypes(): Promise<string> {
  const document = await readOpenApiDocument()
  const source = HEADER + astToString(await openapiTS(document))
  const options = await prettier.resolveConfig(API_TYPES_FILE)
  return prettier.format(source, { ...options, filepath: API_TYPES_FILE })
}
