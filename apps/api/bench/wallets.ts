import {
  pool,
  waitUntil,
  type ApiClient,
  type BenchDatabase,
} from './client.js'

export interface WalletRunOptions {
  count: number
  /** Requests in flight at once. */
  concurrency: number
}

/**
 * Asks for `count` wallets through the API, `concurrency` at a time, and
 * returns wallets made ready per second: from the first request until the
 * last wallet is ready.
 */
export async function createWallets(
  client: ApiClient,
  db: BenchDatabase,
  { count, concurrency }: WalletRunOptions,
): Promise<{ perSecond: number; ids: string[] }> {
  const [before] = await db<{ ready: number }[]>`
    select count(*)::int as ready from wallets where status = 'ready'`
  const started = performance.now()
  const ids = await pool(count, concurrency, async (index) => {
    const wallet = await client.request<{ id: string }>('POST', '/v1/wallets', {
      name: `bench ${index}`,
    })
    return wallet.id
  })
  await waitUntil(
    'wallets ready',
    () => readyCount(db, 'wallets'),
    (before?.ready ?? 0) + count,
    60_000 + count * 50,
  )
  const seconds = (performance.now() - started) / 1000
  return { perSecond: count / seconds, ids }
}

/**
 * Asks for `count` more accounts spread over `walletIds`, and returns
 * accounts made ready per second.
 */
export async function deriveAccounts(
  client: ApiClient,
  db: BenchDatabase,
  walletIds: string[],
  { count, concurrency }: WalletRunOptions,
): Promise<number> {
  const [before] = await db<{ ready: number }[]>`
    select count(*)::int as ready from accounts where status = 'ready'`
  const started = performance.now()
  await pool(count, concurrency, (index) =>
    client.request(
      'POST',
      `/v1/wallets/${walletIds[index % walletIds.length]}/accounts`,
      { name: `bench ${index}` },
    ),
  )
  await waitUntil(
    'accounts ready',
    () => readyCount(db, 'accounts'),
    (before?.ready ?? 0) + count,
    60_000 + count * 50,
  )
  return count / ((performance.now() - started) / 1000)
}

/**
 * Asks for `count` more accounts in batches of `batch` through
 * POST /v1/wallets/:id/accounts/batch, spread over `walletIds`, and
 * returns accounts made ready per second.
 */
export async function deriveAccountBatches(
  client: ApiClient,
  db: BenchDatabase,
  walletIds: string[],
  { count, concurrency, batch }: WalletRunOptions & { batch: number },
): Promise<number> {
  const [before] = await db<{ ready: number }[]>`
    select count(*)::int as ready from accounts where status = 'ready'`
  const requests = Math.ceil(count / batch)
  const started = performance.now()
  await pool(requests, concurrency, (index) =>
    client.request(
      'POST',
      `/v1/wallets/${walletIds[index % walletIds.length]}/accounts/batch`,
      { count: batch },
    ),
  )
  await waitUntil(
    'accounts ready',
    () => readyCount(db, 'accounts'),
    (before?.ready ?? 0) + requests * batch,
    60_000 + count * 5,
  )
  return (requests * batch) / ((performance.now() - started) / 1000)
}

/** Ready rows of a table; a failed row ends the run at once. */
async function readyCount(
  db: BenchDatabase,
  table: 'wallets' | 'accounts',
): Promise<number> {
  const [row] = await db<{ ready: number; failed: number }[]>`
    select count(*) filter (where status = 'ready')::int as ready,
           count(*) filter (where status = 'failed')::int as failed
    from ${db(table)}`
  if (row && row.failed > 0) throw new Error(`${row.failed} ${table} failed`)
  return row?.ready ?? 0
}
