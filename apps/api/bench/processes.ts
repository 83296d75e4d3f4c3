import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as delay } from 'node:timers/promises'

const API_ROOT = fileURLToPath(new URL('..', import.meta.url))
const ANVIL_BIN = createRequire(import.meta.url).resolve(
  '@foundry-rs/anvil/bin.mjs',
)
const START_TIMEOUT_MS = 30_000

/** A child process of the benchmark; its output goes to a log file. */
export interface Child {
  process: ChildProcess
  output(): string
  stop(): Promise<void>
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * Starts `node <script>` from the production build (dist/) and resolves
 * once its output matches `ready`. Only `env` reaches the child.
 */
export function startNode(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  logFile: string,
): Promise<Child> {
  // BENCH_CPU_PROF=1 profiles the API and signers into the log folder.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(logFile)}`]
    : []
  return startChild(
    process.execPath,
    [...profile, fileURLToPath(new URL(`../dist/${script}`, import.meta.url))],
    env,
    ready,
    logFile,
  )
}

/** Anvil on `port`; `args` adds flags such as --block-time. */
export function startAnvil(
  port: number,
  args: string[],
  logFile: string,
): Promise<Child> {
  return startChild(
    process.execPath,
    [ANVIL_BIN, '--host', '127.0.0.1', '--port', String(port), ...args],
    {},
    /Listening on 127\.0\.0\.1:\d+/,
    logFile,
  )
}

async function startChild(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  logFile: string,
): Promise<Child> {
  // Output goes straight to a file, so that reading it costs the
  // benchmark's own process nothing while the load runs.
  const log = openSync(logFile, 'a')
  const child = spawn(command, args, {
    cwd: API_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  const output = () => readFileSync(logFile, 'utf8')

  const started = Date.now()
  while (!ready.test(output())) {
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
      child.kill('SIGKILL')
      throw new Error(`${args.join(' ')} did not start:\n${output()}`)
    }
    await delay(50)
  }
  return { process: child, output, stop: () => stopChild(child) }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/** Runs a TypeScript file of bench/ in a process of its own, through tsx. */
export function startBenchScript(
  script: string,
  ready: RegExp,
  logFile: string,
): Promise<Child> {
  return startChild(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))],
    {},
    ready,
    logFile,
  )
}
