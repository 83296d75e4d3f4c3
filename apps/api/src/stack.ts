import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * Runs the whole local stack, the API server and one signer, as two
 * processes: the API never shares a process with key material, even here.
 * Either one exiting stops the other.
 */
const entries = {
  api: fileURLToPath(new URL('./server/main.js', import.meta.url)),
  signer: fileURLToPath(new URL('./signer/main.js', import.meta.url)),
}

const children: ChildProcess[] = Object.values(entries).map((entry) =>
  spawn(process.execPath, [entry], { stdio: 'inherit' }),
)

let stopping = false
function stopAll(code: number): void {
  if (stopping) return
  stopping = true
  for (const child of children) child.kill('SIGTERM')
  process.exitCode = code
}

for (const child of children) {
  child.on('exit', (code) => stopAll(code ?? 1))
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))
