import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'

const ANVIL_BIN = createRequire(import.meta.url).resolve(
  '@foundry-rs/anvil/bin.mjs',
)

export interface TestAnvil {
  rpcUrl: string
  port: number
  /** Calls a JSON-RPC method on the node (anvil_*, evm_*, eth_*). */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>
  /** Stops the node; `restart` starts it again on the same port. */
  stop(): Promise<void>
  restart(): Promise<void>
}

/**
 * A real Anvil node on a free port (or `port`), chain id 31337, with its
 * usual ten prefunded, unlocked accounts. Extra CLI flags go in `args`.
 */
export async function startAnvil(
  options: { port?: number; args?: string[] } = {},
): Promise<TestAnvil> {
  let child: ChildProcess | undefined
  let port = options.port ?? 0

  async function launch(): Promise<void> {
    const process_ = spawn(
      process.execPath,
      [
        ANVIL_BIN,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        ...(options.args ?? []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = process_
    port = await listeningPort(process_)
  }

  const anvil: TestAnvil = {
    get rpcUrl() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    async rpc<T>(method: string, params: unknown[] = []): Promise<T> {
      const response = await fetch(anvil.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      })
      const body = (await response.json()) as {
        result?: T
        error?: { message: string }
      }
      if (body.error) throw new Error(`${method}: ${body.error.message}`)
      return body.result as T
    },
    async stop() {
      const running = child
      if (!running || running.exitCode !== null) return
      if (running.signalCode !== null) return
      const exited = new Promise((resolve) => running.once('exit', resolve))
      running.kill('SIGTERM')
      await exited
    },
    async restart() {
      await anvil.stop()
      await launch()
    },
  }
  await launch()
  return anvil
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`anvil did not start:\n${output}`)),
      20_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`anvil exited with ${code}:\n${output}`))
    })
  })
}
