import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

import { DEVELOPMENT_RPC_URL } from './shared/chains.js'

/**
 * Runs the whole local stack: the API server and one signer as separate
 * processes (the API never shares a process with key material, even here)
 * and, in development with no chain configured, an Anvil node on
 * 127.0.0.1:8545. When any of them exits, the others are stopped. Run
 * from its TypeScript source (`npm run dev`), it runs the API and the
 * signer from theirs too, each restarted when its code changes.
 */
const children: ChildProcess[] = []
let stopping = false

function stopAll(code: number): void {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  process.exitCode = code
}

function run(command: string, args: string[], env = process.env): void {
  const child = spawn(command, args, { stdio: 'inherit', env })
  child.on('exit', (code) => stopAll(code ?? 1))
  children.push(child)
}

async function nodeAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId' }),
      signal: AbortSignal.timeout(1000),
    })
    return response.ok
  } catch {
    return false
  }
}

async function startAnvil(): Promise<void> {
  const bin = createRequire(import.meta.url).resolve(
    '@foundry-rs/anvil/bin.mjs',
  )
  run(process.execPath, [
    bin,
    '--host',
    '127.0.0.1',
    '--port',
    '8545',
    '--silent',
  ])
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await nodeAnswers(DEVELOPMENT_RPC_URL)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('Anvil did not start on 127.0.0.1:8545')
}

const chainConfigured = Boolean(process.env.RPC_URL || process.env.CHAINS)
if (process.env.NODE_ENV !== 'production' && !chainConfigured) {
  if (!(await nodeAnswers(DEVELOPMENT_RPC_URL))) await startAnvil()
}

// tsx is a development dependency: a production install has only dist/.
const fromSource = import.meta.url.endsWith('.ts')
const launcher = fromSource
  ? [createRequire(import.meta.url).resolve('tsx/cli'), 'watch']
  : []
for (const entry of ['server/main', 'signer/main']) {
  const file = fileURLToPath(
    new URL(`./${entry}.${fromSource ? 'ts' : 'js'}`, import.meta.url),
  )
  run(process.execPath, [...launcher, file])
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))
