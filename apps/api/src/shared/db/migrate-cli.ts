import { loadConfig } from '../config.js'
import { connectDatabase } from './client.js'
import { ensureDatabase, runMigrations } from './migrate.js'

const config = loadConfig()
await ensureDatabase(config.databaseUrl)
const handle = connectDatabase(config.databaseUrl, { max: 2 })
try {
  await runMigrations(handle)
  console.log('migrations applied')
} finally {
  await handle.close()
}
