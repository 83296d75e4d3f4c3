import { and, eq, sql } from 'drizzle-orm'

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
  progress(percent: number): Promise<void>
}

/**
 * Derives a pending account's address from its wallet's sealed chain node.
 * Only the chain node is opened, never the seed; it is zeroed as soon as
 * the address is known.
 */
export async function deriveAccount(
  deps: DeriveAccountDeps,
  accountId: string,
): Promise<JobResult> {
  const started = performance.now()
  const [row] = await deps.db
    .select({ account: accounts, wallet: wallets })
    .from(accounts)
    .innerJoin(wallets, eq(wallets.id, accounts.walletId))
    .where(eq(accounts.id, accountId))
  if (!row) throw new PermanentJobError('ACCOUNT_NOT_FOUND')
  const { account, wallet } = row
  if (account.status !== 'pending') return finished('already-done', started)
  // Accounts are only handed out for ready wallets, so this is a transient
  // state at worst (a retry after the wallet's own job commits).
  if (wallet.status !== 'ready') throw new Error('wallet is not ready yet')

  const derived = withChainKey(deps.masterKey, wallet, (chainKey, header) => {
    const { address, privateKey } = deriveAccountKey(chainKey, account.index)
    try {
      const keyCiphertext = sealAccountKey(
        deps.masterKey,
        wallet.id,
        account.index,
        header,
        privateKey,
      )
      return { address, keyCiphertext }
    } finally {
      privateKey.fill(0)
    }
  })
  await deps.progress(50)

  const updated = await deps.db
    .update(accounts)
    .set({ ...derived, status: 'ready', updatedAt: sql`now()` })
    .where(and(eq(accounts.id, accountId), eq(accounts.status, 'pending')))
    .returning({ id: accounts.id })
  await deps.progress(100)
  return finished(updated.length > 0 ? 'done' : 'already-done', started)
}

type SealedWalletRow = typeof wallets.$inferSelect

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
