import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { inject } from 'vitest'

const API_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const EXIT_WITH_PARENT = new URL('exit-with-parent.ts', import.meta.url).href
const STARTED = 'signer started'
const START_TIMEOUT_MS = 30_000

export interface SignerOptions {
  /**
   * The run's database when absent. A signer's reconciler takes up every
   * pending row of its database, so two files whose signers share one
   * (with different master keys) seal each other's wallets: give each file
   * a database of its own, as startWalletStack does.
   */
  databaseUrl?: string
  /** The run's Redis when absent. */
  redisUrl?: string
  /** Must be the API's own prefix, or the two see different queues. */
  redisPrefix: string
  /** The master key, base64: what MASTER_KEY holds in production. */
  masterKey: string
  /** More variables, or overrides of the defaults (SIGNER_CONCURRENCY…). */
  env?: Record<string, string>
}

/** How a signer process ended. */
export interface SignerExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface RunningSigner {
  process: ChildProcess
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string
  /** Its JSON log lines, parsed; anything else it wrote is skipped. */
  logs(): Record<string, unknown>[]
  /** Settles when the process has exited, however it ended. */
  exited: Promise<SignerExit>
  kill(signal?: NodeJS.Signals): void
  /** SIGTERM, then waits until the process has exited. */
  stop(): Promise<SignerExit>
}

/** Every signer this test file started that has not exited yet. */
const running = new Set<RunningSigner>()

// For a test process that exits without its afterAll hooks having run. One
// that is killed outright runs no hook at all: exit-with-parent.ts, loaded
// into every signer, covers that case.
process.once('exit', () => {
  for (const signer of running) signer.process.kill('SIGKILL')
})

/**
 * Starts a real signer process, `node --import tsx src/signer/main.ts`, and
 * resolves once it has logged that it started. Call {@link stopAllSigners}
 * in afterAll, so that no process outlives its test file.
 */
export async function startSigner(
  options: SignerOptions,
): Promise<RunningSigner> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'custos-signer-'))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', EXIT_WITH_PARENT, 'src/signer/main.ts'],
    {
      cwd: API_ROOT,
      // Only what the signer needs: the test process's own variables
      // (vitest's among them) are not part of a signer's environment.
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: options.databaseUrl ?? inject('databaseUrl'),
        REDIS_URL: options.redisUrl ?? inject('redisUrl'),
        REDIS_PREFIX: options.redisPrefix,
        MASTER_KEY: options.masterKey,
        RECONCILE_INTERVAL_MS: '500',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )

  let text = ''
  const exited = new Promise<SignerExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const signer: RunningSigner = {
    process: child,
    output: () => text,
    logs: () => parseLogLines(text),
    exited,
    kill: (signal = 'SIGKILL') => void child.kill(signal),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
      }
      return exited
    },
  }
  running.add(signer)
  void exited.then(() => running.delete(signer))

  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString()
      if (text.includes(STARTED)) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(({ code, signal }) =>
      reject(
        new Error(
          `signer exited (${code ?? signal}) before it started:\n${text}`,
        ),
      ),
    )
  })
  try {
    await withTimeout(started, START_TIMEOUT_MS, () => text)
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    throw error
  }
  return signer
}

/** Kills every signer still running and waits until each has exited. */
export async function stopAllSigners(): Promise<void> {
  const left = [...running]
  for (const signer of left) signer.kill('SIGKILL')
  await Promise.all(left.map((signer) => signer.exited))
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>

export interface WaitOptions {
  timeoutMs?: number
  intervalMs?: number
  /** Says what was awaited, in the timeout error. */
  message?: string
}

/**
 * Calls `predicate` until it returns something truthy, and returns that.
 * Throws when `timeoutMs` passes first; an error thrown by the predicate
 * ends the wait at once.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitOptions = {},
): Promise<Truthy<T>> {
  const { timeoutMs = 30_000, intervalMs = 100 } = options
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await predicate()
    if (value) return value as Truthy<T>
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${
          options.message ?? 'a condition'
        }`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

function parseLogLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>]
      } catch {
        return []
      }
    })
}

async function withTimeout(
  promise: Promise<void>,
  ms: number,
  output: () => string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`signer did not start in ${ms} ms:\n${output()}`)),
      ms,
    )
  })
  try {
    await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
