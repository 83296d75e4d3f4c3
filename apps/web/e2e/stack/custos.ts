import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startAnvil } from './anvil.js'
import { StackProcess } from './child-process.js'
import { freePort } from './free-port.js'
import { API_ROOT, EXIT_WITH_PARENT } from './paths.js'
import {
  deleteRedisKeys,
  dropDatabase,
  POSTGRES_URL,
  REDIS_URL,
} from './storage.js'

const START_TIMEOUT_MS = 60_000

/** One whole Custos for one e2e run, and the way to tear it down. */
export interface CustosStack {
  /** Where the API serves the web UI and the API. */
  baseUrl: string
  close(): Promise<void>
  /** Signals every process at once, for a run that is exiting. */
  abandon(): void
}

/** The names that keep this run apart from every other on the machine. */
function runNames() {
  const run = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  return {
    database: `custos_test_e2e_${run}`,
    redisPrefix: `custos-test-e2e-${run}`,
  }
}

/**
 * Starts Anvil, the API (serving the built web UI) and a signer, as
 * separate processes like `npm start` does, on a database, Redis prefix
 * and ports of this run's own. The API makes and migrates the database.
 */
export async function startCustos(): Promise<CustosStack> {
  const names = runNames()
  const dataDir = await mkdtemp(path.join(tmpdir(), 'custos-e2e-'))
  const processes: StackProcess[] = []
  const close = async () => {
    await Promise.all(processes.map((child) => child.stop()))
    await dropDatabase(names.database)
    await deleteRedisKeys(names.redisPrefix)
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    const anvil = await startAnvil()
    processes.push(anvil.process)
    const env = stackEnv(names, anvil.rpcUrl, dataDir)
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    const api = startApi(env, port)
    const signer = startSigner(env)
    processes.push(api, signer)
    await Promise.all([
      api.waitUntil(() => answers(`${baseUrl}/readyz`), START_TIMEOUT_MS),
      signer.waitForOutput(/signer started/, START_TIMEOUT_MS),
    ])
    return {
      baseUrl,
      close,
      abandon: () => processes.forEach((child) => child.signal()),
    }
  } catch (error) {
    await close()
    throw error
  }
}

/** What the API and the signer both read. */
function stackEnv(
  names: ReturnType<typeof runNames>,
  rpcUrl: string,
  dataDir: string,
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `${POSTGRES_URL}/${names.database}`,
    REDIS_URL,
    REDIS_PREFIX: names.redisPrefix,
    RPC_URL: rpcUrl,
    DATA_DIR: dataDir,
  }
}

function startApi(env: NodeJS.ProcessEnv, port: number): StackProcess {
  return startNode('API', 'src/server/main.ts', {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    CORS_ORIGINS: `http://127.0.0.1:${port}`,
  })
}

function startSigner(env: NodeJS.ProcessEnv): StackProcess {
  return startNode('signer', 'src/signer/main.ts', {
    ...env,
    // It says it has started at info level.
    LOG_LEVEL: 'info',
    MASTER_KEY: randomBytes(32).toString('base64'),
    // Sends are looked at often, so that tests see them confirmed soon.
    TRACK_INTERVAL_MS: '200',
  })
}

/** `node --import tsx <entry>` in apps/api: no build of the API needed. */
function startNode(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
): StackProcess {
  return new StackProcess(
    name,
    process.execPath,
    ['--import', 'tsx', '--import', EXIT_WITH_PARENT, entry],
    { cwd: API_ROOT, env },
  )
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
    return response.ok
  } catch {
    return false
  }
}
