import { eq, inArray, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import type { JobResult } from '../../shared/queues.js'
import {
  CustodyError,
  openChainKey,
  sealAccountKey,
  type MasterKey,
  type SealedHeader,
} from '../custody/envelope.js'
import { deriveAccount as deriveAccountKey } from '../custody/hd.js'
import { PermanentJobError } from './job-error.js'
import { finished } from './job-result.js'

export interface DeriveAccountDeps {
  db: Database
  masterKey: MasterKey
}

type SealedWalletRow = typeof wallets.$inferSelect
type AccountRow = typeof accounts.$inferSelect

interface Derived {
  id: string
  address: string
  keyCiphertext: Buffer
}

/**
 * Derives pending accounts' addresses from their wallets' sealed chain
 * nodes. Each wallet's chain node is opened once for all of its accounts,
 * never the seed, and zeroed as soon as the addresses are known. Every
 * address is then recorded in one statement that only still-pending
 * accounts accept, so a retried or duplicated job changes nothing.
 */
export async function deriveAccounts(
  deps: DeriveAccountDeps,
  accountIds: string[],
): Promise<JobResult> {
  const started = performance.now()
  const rows = await deps.db
    .select({ account: accounts, wallet: wallets })
    .from(accounts)
    .innerJoin(wallets, eq(wallets.id, accounts.walletId))
    .where(inArray(accounts.id, accountIds))
  if (rows.length === 0) throw new PermanentJobError('ACCOUNT_NOT_FOUND')
  const pending = rows.filter(({ account }) => account.status === 'pending')
  if (pending.length === 0) return finished('already-done', started)
  // Accounts are only handed out for ready wallets, so this is a transient
  // state at worst (a retry after the wallet's own job commits).
  if (pending.some(({ wallet }) => wallet.status !== 'ready')) {
    throw new Error('wallet is not ready yet')
  }

  const derived = byWallet(pending).flatMap(({ wallet, accounts }) =>
    withChainKey(deps.masterKey, wallet, (chainKey, header) =>
      accounts.map((account) =>
        derive(deps.masterKey, wallet.id, account, chainKey, header),
      ),
    ),
  )
  const updated = await recordReady(deps.db, derived)
  return finished(updated > 0 ? 'done' : 'already-done', started)
}

function byWallet(
  rows: { account: AccountRow; wallet: SealedWalletRow }[],
): { wallet: SealedWalletRow; accounts: AccountRow[] }[] {
  const groups = new Map<
    string,
    { wallet: SealedWalletRow; accounts: AccountRow[] }
  >()
  for (const { account, wallet } of rows) {
    const group = groups.get(wallet.id) ?? { wallet, accounts: [] }
    group.accounts.push(account)
    groups.set(wallet.id, group)
  }
  return [...groups.values()]
}

function derive(
  masterKey: MasterKey,
  walletId: string,
  account: AccountRow,
  chainKey: Buffer,
  header: SealedHeader,
): Derived {
  const { address, privateKey } = deriveAccountKey(chainKey, account.index)
  try {
    const keyCiphertext = sealAccountKey(
      masterKey,
      walletId,
      account.index,
      header,
      privateKey,
    )
    return { id: account.id, address, keyCiphertext }
  } finally {
    privateKey.fill(0)
  }
}

/** Marks the still-pending accounts of `derived` ready; returns how many. */
async function recordReady(db: Database, derived: Derived[]): Promise<number> {
  const values = sql.join(
    derived.map(
      ({ id, address, keyCiphertext }) =>
        sql`(${id}::uuid, ${address}, ${keyCiphertext}::bytea)`,
    ),
    sql`, `,
  )
  const updated = await db.execute(sql`
    update ${accounts}
    set address = derived.address,
      key_ciphertext = derived.key_ciphertext,
      status = 'ready',
      updated_at = now()
    from (values ${values}) as derived (id, address, key_ciphertext)
    where ${accounts.id} = derived.id and ${accounts.status} = 'pending'
    returning ${accounts.id}`)
  return updated.length
}

function withChainKey<T>(
  masterKey: MasterKey,
  wallet: SealedWalletRow,
  use: (chainKey: Buffer, header: SealedHeader) => T,
): T {
  const { keyVersion, masterKeyId, wrappedDataKey, chainKeyCiphertext } = wallet
  if (!keyVersion || !masterKeyId || !wrappedDataKey || !chainKeyCiphertext) {
    throw new PermanentJobError('WALLET_KEYS_MISSING')
  }
  const header = { keyVersion, masterKeyId, wrappedDataKey }
  let chainKey: Buffer
  try {
    chainKey = openChainKey(masterKey, wallet.id, {
      ...header,
      chainKeyCiphertext,
    })
  } catch (error) {
    if (error instanceof CustodyError) throw new PermanentJobError(error.code)
    throw error
  }
  try {
    return use(chainKey, header)
  } finally {
    chainKey.fill(0)
  }
}
