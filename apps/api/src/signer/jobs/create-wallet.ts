import { and, eq, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import type { JobResult } from '../../shared/queues.js'
import {
  sealAccountKey,
  sealWallet,
  type MasterKey,
  type SealedWallet,
} from '../custody/envelope.js'
import {
  deriveAccount,
  deriveChainKey,
  generateEntropy,
  seedFromEntropy,
} from '../custody/hd.js'
import { PermanentJobError } from './job-error.js'
import { finished } from './job-result.js'

export interface CreateWalletDeps {
  db: Database
  masterKey: MasterKey
}

/**
 * Makes a pending wallet's seed, seals it, and derives account 0, then
 * records all of it in one transaction that only a still-pending wallet
 * accepts. If two signers race on one wallet, one commits and the other's
 * seed is dropped unseen, so a wallet only ever has one seed.
 */
export async function createWallet(
  deps: CreateWalletDeps,
  walletId: string,
): Promise<JobResult> {
  const started = performance.now()
  const [wallet] = await deps.db
    .select({ status: wallets.status })
    .from(wallets)
    .where(eq(wallets.id, walletId))
  if (!wallet) throw new PermanentJobError('WALLET_NOT_FOUND')
  if (wallet.status !== 'pending') return finished('already-done', started)

  const entropy = generateEntropy()
  let chainKey: Buffer | undefined
  try {
    const seed = await seedFromEntropy(entropy)
    chainKey = deriveChainKey(seed)
    seed.fill(0)

    const sealed = sealWallet(deps.masterKey, walletId, { entropy, chainKey })
    const account = sealedAccount(deps.masterKey, walletId, sealed, chainKey)
    const stored = await store(deps.db, walletId, sealed, account)
    return finished(stored ? 'done' : 'already-done', started)
  } finally {
    entropy.fill(0)
    chainKey?.fill(0)
  }
}

/** Account 0's address and its private key sealed; the key is zeroed. */
function sealedAccount(
  masterKey: MasterKey,
  walletId: string,
  sealed: SealedWallet,
  chainKey: Buffer,
): { address: string; keyCiphertext: Buffer } {
  const { address, privateKey } = deriveAccount(chainKey, 0)
  try {
    return {
      address,
      keyCiphertext: sealAccountKey(masterKey, walletId, 0, sealed, privateKey),
    }
  } finally {
    privateKey.fill(0)
  }
}

async function store(
  db: Database,
  walletId: string,
  sealed: SealedWallet,
  account: { address: string; keyCiphertext: Buffer },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(wallets)
      .set({
        ...sealed,
        status: 'ready',
        errorCode: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(wallets.id, walletId), eq(wallets.status, 'pending')))
      .returning({ id: wallets.id })
    if (updated.length === 0) return false

    await tx
      .update(accounts)
      .set({ ...account, status: 'ready', updatedAt: sql`now()` })
      .where(and(eq(accounts.walletId, walletId), eq(accounts.index, 0)))
    return true
  })
}
