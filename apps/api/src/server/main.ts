import { ConfigError } from '../shared/env.js'
import { loadConfig, type Config } from '../shared/config.js'
import { connectDatabase } from '../shared/db/client.js'
import { ensureDatabase, runMigrations } from '../shared/db/migrate.js'
import { logDestination } from '../shared/logger.js'
import { connectRedis } from '../shared/redis.js'
import { openChains } from '../shared/chain-registry.js'
import { buildApp } from './app.js'
import { loadDevIssuer } from './auth/dev-issuer.js'
import { openWorkQueue } from './work-queue.js'

function readConfig(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

const config = readConfig()
await ensureDatabase(config.databaseUrl)
const database = connectDatabase(config.databaseUrl, {
  max: config.databasePoolSize,
})
await runMigrations(database)
const redis = connectRedis(config.redisUrl)
const devIssuer = config.auth.devIssuer
  ? await loadDevIssuer(config.dataDir)
  : undefined

const workQueue = openWorkQueue(config.redisUrl, config.redisPrefix)
const chains = await openChains(config.chains)

const app = await buildApp({
  config,
  database,
  redis,
  devIssuer,
  workQueue,
  chains,
  logStream: logDestination(),
})
redis.on('error', (error: Error) =>
  app.log.warn({ err: error.message }, 'redis connection error'),
)
if (devIssuer) {
  app.log.warn('development issuer is on: anyone can sign in as anyone')
}

let closing = false
async function shutdown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  await app.close()
  await Promise.allSettled([database.close(), redis.quit(), workQueue.close()])
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))

await app.listen({ host: config.host, port: config.port })
