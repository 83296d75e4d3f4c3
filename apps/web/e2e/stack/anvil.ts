import { createRequire } from 'node:module'

import { StackProcess } from './child-process.js'
import { API_ROOT } from './paths.js'

// The API's own dependency: the node `npm start` runs in development.
const ANVIL_BIN = createRequire(`${API_ROOT}package.json`).resolve(
  '@foundry-rs/anvil/bin.mjs',
)

export interface Anvil {
  rpcUrl: string
  process: StackProcess
}

/**
 * An Anvil node of the run's own (chain 31337, ten funded and unlocked
 * accounts) on a port the system picks, so that runs never share a chain.
 */
export async function startAnvil(): Promise<Anvil> {
  const anvil = new StackProcess('anvil', process.execPath, [
    ANVIL_BIN,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
  ])
  try {
    const [, port] = await anvil.waitForOutput(
      /Listening on 127\.0\.0\.1:(\d+)/,
      30_000,
    )
    return { rpcUrl: `http://127.0.0.1:${port}`, process: anvil }
  } catch (error) {
    await anvil.stop()
    throw error
  }
}
