import { pino } from 'pino'

import { ConfigError } from '../shared/env.js'
import { connectDatabase } from '../shared/db/client.js'
import { ensureDatabase, runMigrations } from '../shared/db/migrate.js'
import { logDestination, loggerOptions } from '../shared/logger.js'
import { loadSignerConfig, type SignerConfig } from './config.js'
import { loadMasterKey } from './master-key.js'
import { startReconciler } from './reconciler.js'
import { startTransactionWork } from './transactions/start.js'
import { startWorkers } from './workers.js'

function readConfig(): SignerConfig {
  try {
    return loadSignerConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

const config = readConfig()
// Nothing this process starts later needs the key in its environment.
delete process.env.MASTER_KEY

const log = pino(
  loggerOptions(config.logLevel, 'custos-signer'),
  logDestination(),
)
const masterKey = await loadMasterKey(config.masterKey, config.dataDir, log)
await ensureDatabase(config.databaseUrl)
const database = connectDatabase(config.databaseUrl, {
  max: config.databasePoolSize,
})
await runMigrations(database)

const workerDeps = {
  db: database.db,
  masterKey,
  redisUrl: config.redisUrl,
  redisPrefix: config.redisPrefix,
  concurrency: config.concurrency,
  log,
}
const workers = startWorkers(workerDeps)
const transactionWork = startTransactionWork({
  ...workerDeps,
  chainSource: config.chains,
  trackIntervalMs: config.trackIntervalMs,
  stuckAfterMs: config.stuckAfterMs,
})
const reconciler = startReconciler({
  db: database.db,
  redisUrl: config.redisUrl,
  redisPrefix: config.redisPrefix,
  intervalMs: config.reconcileIntervalMs,
  log,
})
log.info(
  { masterKeyId: masterKey.id, concurrency: config.concurrency },
  'signer started',
)

let closing = false
async function shutdown(signal: string): Promise<void> {
  if (closing) return
  closing = true
  log.info({ signal }, 'signer stopping: finishing the jobs in hand')
  await reconciler.stop()
  await transactionWork.stop()
  // close() waits for active jobs to finish and takes no new ones.
  await Promise.all(workers.map((worker) => worker.close()))
  await database.close()
  masterKey.key.fill(0)
  log.info('signer stopped')
  process.exit(0)
}
process.once('SIGTERM', () => void shutdown('SIGTERM'))
process.once('SIGINT', () => void shutdown('SIGINT'))
