import path from 'node:path'

import { accountBound, signingBound, walletBound } from './bounds.js'
import { chainClient, fund } from './chain.js'
import { connectBenchDatabase, type BenchDatabase } from './client.js'
import { cpuMeter, type CpuMeter } from './cpu.js'
import { startBenchScript } from './processes.js'
import {
  firstAccount,
  readHelloWorld,
  readWallet,
  signMessages,
} from './requests.js'
import type { LoadResult } from './load.js'
import { sendTransactions, type SendingAccount } from './sending.js'
import type { Settings } from './settings.js'
import { apiKeyClient } from './setup.js'
import { startStack, type BenchStack } from './stack.js'
import { format, machine, type Report, type Row } from './table.js'
import {
  createWallets,
  deriveAccountBatches,
  deriveAccounts,
} from './wallets.js'
import type { ApiClient } from './client.js'

type Say = (line: string) => void

const ETHER = 10n ** 18n

/** Measures the bounds, starts a stack, runs every benchmark against it. */
export async function runBenchmarks(
  settings: Settings,
  say: Say,
): Promise<Report> {
  const rows: Row[] = []
  const push = rows.push.bind(rows)
  rows.push = (...added: Row[]) => {
    for (const row of added) say(`  ${row.name}: ${row.figure} (${row.note})`)
    return push(...added)
  }
  const bounds = await measureBounds(settings, say)

  say('starting the stack')
  const stack = await startStack(settings)
  const db = connectBenchDatabase(stack.databaseUrl)
  try {
    say(`logs in ${stack.logDir}`)
    const client = await apiKeyClient(stack)
    const meter = cpuMeter(() => stack.pids())
    const context = { settings, stack, client, db, bounds, rows, say, meter }
    const walletIds = await creation(context)
    await requests(context, walletIds)
    if (settings.only.includes('sending')) await sending(context)
  } finally {
    await db.end()
    await stack.stop()
  }

  return {
    date: new Date().toISOString().slice(0, 10),
    ...machine(),
    mode: settings.mode,
    rows,
    setup: setupNotes(settings),
  }
}

interface Bounds {
  wallets: number
  accounts: number
  signatures: number
}

interface Context {
  settings: Settings
  stack: BenchStack
  client: ApiClient
  db: BenchDatabase
  bounds: Bounds
  rows: Row[]
  say: Say
  meter: CpuMeter
}

async function measureBounds(settings: Settings, say: Say): Promise<Bounds> {
  const options = {
    seconds: settings.boundSeconds,
    lanes: settings.signerConcurrency,
  }
  say('measuring the crypto-only bounds')
  // One signer process does what one loop here does; more scale it.
  const scale = settings.signers
  return {
    wallets: (await walletBound(options)) * scale,
    accounts: (await accountBound(options)) * scale,
    signatures: (await signingBound(options)) * scale,
  }
}

async function creation(context: Context): Promise<string[]> {
  const { settings, client, db, bounds, rows, say } = context
  const concurrency = settings.creationConcurrency
  const measured = settings.only.includes('wallets')
  // The other benchmarks need some wallets, measured or not.
  const count = measured ? settings.wallets : 50
  say(`creating ${count} wallets`)
  const stopMeter = context.meter()
  const wallets = await createWallets(client, db, { count, concurrency })
  const cpu = { use: stopMeter(), operations: count }
  if (measured) {
    rows.push({
      ...rateRow(
        'Wallet creation',
        wallets.perSecond,
        bounds.wallets,
        'wallets',
        [
          `${count} wallets, ${concurrency} requests in flight`,
          'bound: seed, chain key, account 0 and sealing in a loop',
        ],
      ),
      cpu,
    })
  }
  if (settings.only.includes('accounts')) await derivation(context, wallets.ids)
  return wallets.ids
}

async function derivation(context: Context, walletIds: string[]) {
  const { settings, client, db, bounds, rows, say, meter } = context
  say(`deriving ${settings.accounts} accounts`)
  const spread = walletIds.slice(0, Math.min(50, walletIds.length - 1))
  let stopMeter = meter()
  const accounts = await deriveAccounts(client, db, spread, {
    count: settings.accounts,
    concurrency: settings.creationConcurrency,
  })
  rows.push({
    ...rateRow('Account derivation', accounts, bounds.accounts, 'accounts', [
      `${settings.accounts} accounts over ${spread.length} wallets`,
      'bound: open chain key, derive, seal in a loop',
    ]),
    cpu: { use: stopMeter(), operations: settings.accounts },
  })

  const { accountBatch } = settings
  const batched = settings.accounts * 4
  say(`deriving ${batched} accounts in batches of ${accountBatch}`)
  stopMeter = meter()
  const perSecond = await deriveAccountBatches(client, db, spread, {
    count: batched,
    concurrency: settings.connections,
    batch: accountBatch,
  })
  rows.push({
    cpu: { use: stopMeter(), operations: batched },
    ...rateRow(
      'Account derivation, batched',
      perSecond,
      bounds.accounts,
      'accounts',
      [
        `${batched} accounts in requests of ${accountBatch} over ` +
          `${spread.length} wallets, ${settings.connections} in flight`,
        'bound: as above',
      ],
    ),
  })
}

async function requests(context: Context, walletIds: string[]) {
  const { settings, client, bounds, rows, say, meter } = context
  const load = {
    seconds: settings.loadSeconds,
    connections: settings.connections,
    meter,
  }
  // The last wallet made: accounts are derived on the first 50 only, so
  // it has account 0 alone, and every mode reads the same answer.
  const walletId = walletIds.at(-1) as string
  const accountId = await firstAccount(client, walletId)

  if (settings.only.includes('signing')) {
    say('signing messages')
    const signing = await signMessages(client, accountId, load)
    rows.push({
      ...rateRow('Signing', signing.perSecond, bounds.signatures, 'sig', [
        `${load.connections} connections, API key`,
        `p50 ${format(signing.p50Ms, 'ms')}, p99 ${format(signing.p99Ms, 'ms')}`,
        'bound: secp256k1 signing in a loop',
      ]),
      ...measuredCpu(signing),
    })
  }
  if (settings.only.includes('reads')) await reading(context, walletId, load)
}

async function reading(
  context: Context,
  walletId: string,
  load: { seconds: number; connections: number; meter: CpuMeter },
) {
  const { stack, client, rows, say } = context
  say('reading a wallet, then a hello-world server')
  const reads = await readWallet(client, walletId, load)
  const hello = await startBenchScript(
    'hello-world.ts',
    /listening at/,
    path.join(stack.logDir, 'hello-world.log'),
  )
  try {
    const address = /listening at (\S+)/.exec(hello.output())?.[1] ?? ''
    const reference = await readHelloWorld(address, {
      seconds: load.seconds,
      connections: load.connections,
    })
    rows.push({
      ...measuredCpu(reads),
      ...rateRow(
        'Authenticated reads',
        reads.perSecond,
        reference.perSecond,
        'req',
        [
          `GET /v1/wallets/:id of a wallet with one account, ` +
            `${load.connections} connections, API key`,
          `p99 ${format(reads.p99Ms, 'ms')} (hello-world ${format(reference.p99Ms, 'ms')})`,
          'bound: Fastify hello-world',
        ],
      ),
    })
  } finally {
    await hello.stop()
  }
}

async function sending(context: Context) {
  const { settings, stack, client, db, rows, say, meter } = context
  const chain = chainClient(stack.rpcUrl)
  say('making and funding the sending accounts')
  const senders = await readyAccounts(context, 11)
  await fund(
    chain,
    senders.map((account) => account.address),
    100n * ETHER,
  )
  const options = { concurrency: settings.sendConcurrency }

  say(`sending ${settings.sendsFromOne} transactions from one account`)
  let stopMeter = meter()
  const one = await sendTransactions(client, db, chain, senders.slice(0, 1), {
    ...options,
    perAccount: settings.sendsFromOne,
  })
  rows.push({
    ...sendRow('Sending, 1 account', one, settings.sendsFromOne),
    cpu: { use: stopMeter(), operations: settings.sendsFromOne },
  })

  const ten = senders.slice(1)
  const total = settings.sendsPerAccountOfTen * ten.length
  say(`sending ${total} transactions from ${ten.length} accounts`)
  stopMeter = meter()
  const many = await sendTransactions(client, db, chain, ten, {
    ...options,
    perAccount: settings.sendsPerAccountOfTen,
  })
  rows.push({
    ...sendRow(`Sending, ${ten.length} accounts`, many, total),
    cpu: { use: stopMeter(), operations: total },
  })
}

/** Account 0 of `count` new wallets, once they are ready. */
async function readyAccounts(
  { client, db }: Context,
  count: number,
): Promise<SendingAccount[]> {
  const { ids } = await createWallets(client, db, { count, concurrency: count })
  const accounts = []
  for (const walletId of ids) {
    const { data } = await client.request<{
      data: { id: string; address: string | null }[]
    }>('GET', `/v1/wallets/${walletId}/accounts`)
    const account = data[0]
    if (!account?.address) throw new Error(`wallet ${walletId} has no address`)
    accounts.push({ id: account.id, address: account.address })
  }
  return accounts
}

function measuredCpu(result: LoadResult): Pick<Row, 'cpu'> {
  return result.cpu
    ? { cpu: { use: result.cpu, operations: result.total } }
    : {}
}

function rateRow(
  name: string,
  figure: number,
  bound: number,
  unit: string,
  notes: string[],
): Row {
  return {
    name,
    figure: format(figure, `${unit}/s`),
    bound: format(bound, `${unit}/s`),
    ratio: figure / bound,
    note: notes.join('; '),
  }
}

function sendRow(name: string, perSecond: number, count: number): Row {
  return {
    name,
    figure: format(perSecond, 'tx/s'),
    bound: '',
    ratio: undefined,
    note: `${count} transfers, all confirmed, nonces consecutive from 0`,
  }
}

function setupNotes(settings: Settings): string[] {
  return [
    `${settings.signers} signer process(es), SIGNER_CONCURRENCY=` +
      `${settings.signerConcurrency}; one API process; NODE_ENV=production, ` +
      'LOG_LEVEL=info, logs written to files.',
    'A fresh database and Redis prefix per run; Anvil with automine, so ' +
      'every send is mined as it arrives; TRACK_INTERVAL_MS=200.',
    'Crypto-only bounds run the signer custody functions in this process, ' +
      'times the number of signer processes, before the stack starts.',
    'Load through an API key, made with a token of a local JWKS issuer.',
  ]
}
