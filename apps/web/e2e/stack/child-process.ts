import { spawn, type ChildProcess } from 'node:child_process'

// Enough of a process's output to say why it failed, without keeping it all.
const OUTPUT_LIMIT = 64 * 1024
const STOP_GRACE_MS = 5_000

export interface StartOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
}

/** A process of the e2e stack, with the end of its output kept. */
export class StackProcess {
  private readonly child: ChildProcess
  private text = ''
  private readonly listeners = new Set<() => void>()
  /** Settles, with how it ended, once the process has ended. */
  private readonly exited: Promise<string>

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: StartOptions = {},
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const onData = (chunk: Buffer) => {
      this.text = (this.text + chunk.toString()).slice(-OUTPUT_LIMIT)
      for (const listener of this.listeners) listener()
    }
    this.child.stdout?.on('data', onData)
    this.child.stderr?.on('data', onData)
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => resolve(error.message))
      this.child.once('exit', (code, signal) => resolve(`${code ?? signal}`))
    })
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Resolves with the first match of `pattern` in the output. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer)
        this.listeners.delete(look)
      }
      const look = () => {
        const match = pattern.exec(this.text)
        if (!match) return
        done()
        resolve(match)
      }
      const timer = setTimeout(() => {
        done()
        reject(this.failure(`printed no ${pattern} in ${timeoutMs} ms`))
      }, timeoutMs)
      this.listeners.add(look)
      void this.exited.then((how) => {
        done()
        reject(this.failure(`exited (${how}) before it was ready`))
      })
      look()
    })
  }

  /** Resolves once `check` returns true; fails if the process ends first. */
  async waitUntil(
    check: () => Promise<boolean>,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!(await check())) {
      if (!this.running) throw this.failure(`exited (${await this.exited})`)
      if (Date.now() > deadline) {
        throw this.failure(`was not ready in ${timeoutMs} ms`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** SIGTERM, then SIGKILL if it has not ended after a grace period. */
  async stop(): Promise<void> {
    if (!this.running) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS)
    await this.exited
    clearTimeout(timer)
  }

  /** SIGTERM without waiting: for a test run that is exiting. */
  signal(): void {
    if (this.running) this.child.kill('SIGTERM')
  }

  private failure(what: string): Error {
    return new Error(`${this.name} ${what}; its output:\n${this.text}`)
  }
}
