import { parseArgs } from 'node:util'

/** How much work each benchmark does; `--quick` runs in under two minutes. */
export interface Settings {
  mode: 'full' | 'quick'
  signers: number
  signerConcurrency: number
  boundSeconds: number
  wallets: number
  accounts: number
  /** Requests in flight while making wallets and accounts. */
  creationConcurrency: number
  loadSeconds: number
  connections: number
  sendsFromOne: number
  sendsPerAccountOfTen: number
  sendConcurrency: number
  /** Anvil's flags: none is automine, every send mined on arrival. */
  anvilArgs: string[]
}

export function readSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      signers: { type: 'string', default: '1' },
    },
  })
  const signers = Number(values.signers)
  if (!Number.isInteger(signers) || signers < 1 || signers > 16) {
    throw new Error('--signers must be an integer from 1 to 16')
  }
  const quick = values.quick
  return {
    mode: quick ? 'quick' : 'full',
    signers,
    signerConcurrency: 16,
    boundSeconds: quick ? 2 : 5,
    wallets: quick ? 400 : 2000,
    accounts: quick ? 1000 : 5000,
    creationConcurrency: 64,
    loadSeconds: quick ? 5 : 15,
    connections: 32,
    sendsFromOne: quick ? 300 : 1000,
    sendsPerAccountOfTen: quick ? 30 : 100,
    sendConcurrency: 32,
    anvilArgs: [],
  }
}
