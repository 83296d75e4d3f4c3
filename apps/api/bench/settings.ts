import { parseArgs } from 'node:util'

/** How much work each benchmark does; `--quick` runs in under two minutes. */
export const BENCHMARKS = [
  'wallets',
  'accounts',
  'signing',
  'reads',
  'sending',
] as const
export type Benchmark = (typeof BENCHMARKS)[number]

export interface Settings {
  mode: 'full' | 'quick'
  /** The benchmarks to run; `--only a,b` picks some, for profiling. */
  only: Benchmark[]
  signers: number
  signerConcurrency: number
  boundSeconds: number
  wallets: number
  accounts: number
  /** Accounts per request in the batched derivation. */
  accountBatch: number
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
      only: { type: 'string', default: BENCHMARKS.join(',') },
    },
  })
  const signers = Number(values.signers)
  if (!Number.isInteger(signers) || signers < 1 || signers > 16) {
    throw new Error('--signers must be an integer from 1 to 16')
  }
  const quick = values.quick
  return {
    mode: quick ? 'quick' : 'full',
    only: readOnly(values.only),
    signers,
    signerConcurrency: 16,
    boundSeconds: quick ? 2 : 5,
    wallets: quick ? 400 : 2000,
    accounts: quick ? 1000 : 5000,
    accountBatch: 100,
    creationConcurrency: 64,
    loadSeconds: quick ? 5 : 15,
    connections: 32,
    sendsFromOne: quick ? 300 : 1000,
    sendsPerAccountOfTen: quick ? 30 : 100,
    sendConcurrency: 32,
    anvilArgs: [],
  }
}

function readOnly(list: string): Benchmark[] {
  const names = list.split(',').map((name) => name.trim())
  const unknown = names.filter(
    (name) => !(BENCHMARKS as readonly string[]).includes(name),
  )
  if (unknown.length > 0) {
    throw new Error(`--only takes some of ${BENCHMARKS.join(', ')}`)
  }
  return names as Benchmark[]
}
