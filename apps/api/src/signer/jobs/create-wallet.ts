import { eq, sql } from 'drizzle-orm'

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

/**
 * Records the sealed wallet and its account 0 in one statement, which only
 * a still-pending wallet accepts; returns whether it did. One statement
 * is atomic as a transaction would be, at a third of the round trips.
 */
async function store(
  db: Database,
  walletId: string,
  sealed: SealedWallet,
  account: { address: string; keyCiphertext: Buffer },
): Promise<boolean> {
  const rows = await db.execute<{ sealed: number }>(sql`
    with sealed as (
      update ${wallets}
      set key_version = ${sealed.keyVersion},
        master_key_id = ${sealed.masterKeyId},
        wrapped_data_key = ${sealed.wrappedDataKey},
        seed_ciphertext = ${sealed.seedCiphertext},
        chain_key_ciphertext = ${sealed.chainKeyCiphertext},
        status = 'ready',
        error_code = null,
        updated_at = now()
      where ${wallets.id} = ${walletId} and ${wallets.status} = 'pending'
      returning ${wallets.id}
    ), first_account as (
      update ${accounts}
      set address = ${account.address},
        key_ciphertext = ${account.keyCiphertext},
        status = 'ready',
        updated_at = now()
      where ${accounts.walletId} in (select id from sealed)
        and ${accounts.index} = 0
    )
    select count(*)::int as sealed from sealed`)
  return (rows[0]?.sealed ?? 0) > 0
}
