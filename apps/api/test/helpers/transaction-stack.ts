import { randomBytes } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { LightMyRequestResponse as Response } from 'fastify'
import { getAddress, parseEther, type Address, type Hash } from 'viem'
import { expect } from 'vitest'

import type { TransactionView } from '../../src/server/transactions/schemas.js'
import { startAnvil, type TestAnvil } from './anvil.js'
import { waitFor, type RunningSigner } from './signer.js'
import {
  readyWallet,
  startWalletStack,
  type WalletStack,
} from './wallet-stack.js'

/**
 * A wallet stack (API, signers, a database of its own) on a fresh Anvil of
 * its own. The test file starts the signers it needs.
 */
export interface TransactionStack {
  stack: WalletStack
  anvil: TestAnvil
  close(): Promise<void>
}

export interface TransactionStackOptions {
  /**
   * Keep the chain in a state file of the stack's own, so that a node
   * stopped and started again with `anvil.restart()` still has it.
   */
  keepChain?: boolean
  /** Variables for the API and the signers. */
  env?: Record<string, string>
}

export async function startTransactionStack(
  options: TransactionStackOptions = {},
): Promise<TransactionStack> {
  const anvil = await startAnvil({ args: await anvilArgs(options) })
  const stack = await startWalletStack({
    env: { RPC_URL: anvil.rpcUrl, TRACK_INTERVAL_MS: '100', ...options.env },
  })
  return {
    stack,
    anvil,
    async close() {
      await stack.close()
      await anvil.stop()
    },
  }
}

async function anvilArgs(options: TransactionStackOptions): Promise<string[]> {
  if (!options.keepChain) return []
  const dir = await mkdtemp(path.join(tmpdir(), 'custos-anvil-'))
  return ['--state', path.join(dir, 'state.json')]
}

/**
 * Starts a signer that is told the chain instead of asking the node for
 * it, so that it starts, and takes up sends, while the node is down.
 */
export function startSignerWithoutNode(
  ts: TransactionStack,
  env: Record<string, string> = {},
): Promise<RunningSigner> {
  const chain = {
    id: 31337,
    name: 'Anvil',
    rpcUrl: ts.anvil.rpcUrl,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    confirmations: 1,
  }
  return ts.stack.startSigner({ CHAINS: JSON.stringify([chain]), ...env })
}

export interface FundedAccount {
  user: { authorization: string }
  accountId: string
  address: Address
}

/**
 * A new user's ready account 0, funded from the faucet. Needs a running
 * signer to make the wallet.
 */
export async function fundedAccount(
  stack: WalletStack,
  ether = '10',
): Promise<FundedAccount> {
  const user = await stack.signIn()
  const wallet = await readyWallet(stack, user)
  const account = wallet.accounts[0]
  if (!account?.address) throw new Error('account 0 has no address')
  const funded = await stack.request({
    method: 'POST',
    url: '/v1/dev/faucet',
    headers: user,
    payload: { address: account.address, value: parseEther(ether).toString() },
  })
  if (funded.statusCode !== 200) {
    throw new Error(`faucet answered ${funded.statusCode}: ${funded.body}`)
  }
  return { user, accountId: account.id, address: getAddress(account.address) }
}

/** A random address nobody holds a key to, checksummed. */
export function randomAddress(): Address {
  return getAddress(`0x${randomBytes(20).toString('hex')}`)
}

/** POST /v1/accounts/:id/transactions; returns the answer. */
export function postTransaction(
  stack: WalletStack,
  from: FundedAccount,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return stack.request({
    method: 'POST',
    url: `/v1/accounts/${from.accountId}/transactions`,
    headers: { ...from.user, ...headers },
    payload,
  })
}

/** Sends `value` wei to `to`; fails unless the API said 202. */
export async function send(
  stack: WalletStack,
  from: FundedAccount,
  to: Address,
  value: bigint,
): Promise<TransactionView> {
  const response = await postTransaction(stack, from, {
    to,
    value: value.toString(),
  })
  if (response.statusCode !== 202) {
    throw new Error(`send answered ${response.statusCode}: ${response.body}`)
  }
  return response.json<TransactionView>()
}

export async function getTransaction(
  stack: WalletStack,
  user: { authorization: string },
  id: string,
): Promise<TransactionView> {
  const response = await stack.request({
    url: `/v1/transactions/${id}`,
    headers: user,
  })
  if (response.statusCode !== 200) {
    throw new Error(`GET transaction answered ${response.statusCode}`)
  }
  return response.json<TransactionView>()
}

/**
 * Waits until each of a user's transactions is confirmed or failed, and
 * returns them in the order of `ids`.
 */
export async function waitUntilFinal(
  stack: WalletStack,
  user: { authorization: string },
  ids: string[],
  timeoutMs = 30_000,
): Promise<TransactionView[]> {
  const sql = stack.t.database.sql
  await waitFor(
    async () => {
      const [row] = await sql<{ open: number }[]>`
        select count(*)::int as open from transactions
        where id in ${sql(ids)} and status in ('queued', 'submitted')`
      return row?.open === 0
    },
    { timeoutMs, intervalMs: 100, message: `${ids.length} to be final` },
  )
  return Promise.all(ids.map((id) => getTransaction(stack, user, id)))
}

/** Sends made together to one new address, each of another value. */
export interface SendBatch {
  to: Address
  values: bigint[]
  ids: string[]
}

/** Sends `count` transactions from `from` at once; each must answer 202. */
export async function sendMany(
  stack: WalletStack,
  from: FundedAccount,
  count: number,
): Promise<SendBatch> {
  const to = randomAddress()
  const values = Array.from({ length: count }, (_, i) => BigInt(1000 + i))
  const sent = await Promise.all(
    values.map((value) => send(stack, from, to, value)),
  )
  return { to, values, ids: sent.map((tx) => tx.id) }
}

/**
 * Checks a batch's end: every transaction confirmed, its nonces
 * consecutive from `firstNonce`, each nonce mined once on the node, and
 * each value paid once.
 */
export async function expectAllMinedOnce(
  anvil: TestAnvil,
  from: FundedAccount,
  batch: SendBatch,
  final: TransactionView[],
  firstNonce: number,
): Promise<void> {
  expect(final.map((tx) => tx.status)).toEqual(final.map(() => 'confirmed'))
  const nonces = final.map((tx) => tx.nonce).sort((a, b) => a - b)
  expect(nonces).toEqual(final.map((_, i) => firstNonce + i))
  expect(await nodeNonce(anvil, from.address)).toBe(firstNonce + final.length)
  const total = batch.values.reduce((sum, value) => sum + value, 0n)
  expect(await balanceOf(anvil, batch.to)).toBe(total)
  for (const tx of final) {
    expect((await receiptOf(anvil, tx.hash ?? ''))?.status).toBe('0x1')
  }
}

/** The node's count of an address's mined transactions. */
export async function nodeNonce(
  anvil: TestAnvil,
  address: Address,
): Promise<number> {
  return Number(
    await anvil.rpc<string>('eth_getTransactionCount', [address, 'latest']),
  )
}

export async function balanceOf(
  anvil: TestAnvil,
  address: Address,
): Promise<bigint> {
  return BigInt(await anvil.rpc<string>('eth_getBalance', [address, 'latest']))
}

/** The receipt of a transaction as the node has it, or null. */
export function receiptOf(
  anvil: TestAnvil,
  hash: string,
): Promise<{ status: string; blockNumber: string } | null> {
  return anvil.rpc('eth_getTransactionReceipt', [hash as Hash])
}
