import {
  pool,
  waitUntil,
  type ApiClient,
  type BenchDatabase,
} from './client.js'
import type { ChainClient } from './chain.js'

export interface SendRunOptions {
  /** Transactions per account. */
  perAccount: number
  /** Requests in flight at once, over all accounts. */
  concurrency: number
}

export interface SendingAccount {
  id: string
  address: string
}

const RECIPIENT = '0x000000000000000000000000000000000000c057'

/**
 * Sends `perAccount` transfers from each account through the API, all at
 * once, and returns transactions per second from the first request until
 * Custos has seen the last one confirmed. Then checks them on the node:
 * each account's nonces are 0 … n-1, every one mined and successful.
 */
export async function sendTransactions(
  client: ApiClient,
  db: BenchDatabase,
  chain: ChainClient,
  accounts: SendingAccount[],
  { perAccount, concurrency }: SendRunOptions,
): Promise<number> {
  const total = perAccount * accounts.length
  const started = performance.now()
  await pool(total, concurrency, (index) =>
    client.request(
      'POST',
      `/v1/accounts/${accounts[index % accounts.length]?.id}/transactions`,
      { to: RECIPIENT, value: '1' },
    ),
  )
  const ids = accounts.map((account) => account.id)
  await waitUntil(
    'transactions confirmed',
    () => confirmedCount(db, ids),
    total,
    60_000 + total * 50,
  )
  const perSecond = total / ((performance.now() - started) / 1000)

  for (const account of accounts) {
    await checkOnChain(db, chain, account, perAccount)
  }
  return perSecond
}

async function confirmedCount(
  db: BenchDatabase,
  accountIds: string[],
): Promise<number> {
  const [row] = await db<{ confirmed: number; failed: number }[]>`
    select count(*) filter (where status = 'confirmed')::int as confirmed,
           count(*) filter (where status = 'failed')::int as failed
    from transactions where account_id in ${db(accountIds)}`
  if (row && row.failed > 0) throw new Error(`${row.failed} sends failed`)
  return row?.confirmed ?? 0
}

/** Every nonce from 0 to count - 1 once, each mined and successful. */
async function checkOnChain(
  db: BenchDatabase,
  chain: ChainClient,
  account: SendingAccount,
  count: number,
): Promise<void> {
  const rows = await db<{ nonce: number; hash: string }[]>`
    select nonce::int, hash from transactions
    where account_id = ${account.id} order by nonce`
  const nonces = rows.map((row) => row.nonce)
  if (nonces.length !== count || nonces.some((nonce, i) => nonce !== i)) {
    throw new Error(`${account.address}: nonces are not 0 to ${count - 1}`)
  }

  const mined = await chain.batch<{ nonce: string } | null>(
    rows.map((row) => ({
      method: 'eth_getTransactionByHash',
      params: [row.hash],
    })),
  )
  const receipts = await chain.batch<{ status: string } | null>(
    rows.map((row) => ({
      method: 'eth_getTransactionReceipt',
      params: [row.hash],
    })),
  )
  rows.forEach((row, i) => {
    const onChain = mined[i] && Number(mined[i].nonce)
    if (onChain !== row.nonce || receipts[i]?.status !== '0x1') {
      throw new Error(`${row.hash}: not mined with nonce ${row.nonce}`)
    }
  })
  const next = await chain.call<string>('eth_getTransactionCount', [
    account.address,
    'latest',
  ])
  if (Number(next) !== count) {
    throw new Error(`${account.address}: node counts ${Number(next)} sends`)
  }
}
