import { eq } from 'drizzle-orm'

import type { Database } from '../shared/db/client.js'
import { accounts, wallets } from '../shared/db/schema.js'
import {
  CustodyError,
  openAccountKey,
  type MasterKey,
  type SealedHeader,
} from './custody/envelope.js'
import { PermanentJobError } from './jobs/job-error.js'

type SealedKeyRow = SealedHeader & {
  walletId: string
  index: number
  keyCiphertext: Buffer
}

// Sealed keys of ready accounts, by id. They are ciphertexts that never
// change once an account is ready, so an account that signs again costs
// no database read; opening one still takes the master key. Past the
// limit the cache starts over rather than grow without bound.
const sealedKeys = new Map<string, SealedKeyRow>()
const MAX_SEALED_KEYS = 10_000

/**
 * Opens a ready account's sealed private key for the length of `use`, then
 * zeroes it. ACCOUNT_NOT_FOUND and ACCOUNT_NOT_READY, and a key that cannot
 * be opened (DECRYPTION_FAILED, MASTER_KEY_MISMATCH…), are permanent
 * failures.
 */
export async function withAccountKey<T>(
  db: Database,
  masterKey: MasterKey,
  accountId: string,
  use: (privateKey: Uint8Array) => T,
): Promise<T> {
  const row = sealedKeys.get(accountId) ?? (await loadSealedKey(db, accountId))

  let privateKey: Buffer
  try {
    privateKey = openAccountKey(masterKey, row.walletId, row.index, row)
  } catch (error) {
    if (error instanceof CustodyError) throw new PermanentJobError(error.code)
    throw error
  }
  try {
    return use(privateKey)
  } finally {
    privateKey.fill(0)
  }
}

async function loadSealedKey(
  db: Database,
  accountId: string,
): Promise<SealedKeyRow> {
  const [row] = await db
    .select({
      status: accounts.status,
      walletId: accounts.walletId,
      index: accounts.index,
      keyCiphertext: accounts.keyCiphertext,
      keyVersion: wallets.keyVersion,
      masterKeyId: wallets.masterKeyId,
      wrappedDataKey: wallets.wrappedDataKey,
    })
    .from(accounts)
    .innerJoin(wallets, eq(wallets.id, accounts.walletId))
    .where(eq(accounts.id, accountId))
  if (!row) throw new PermanentJobError('ACCOUNT_NOT_FOUND')
  if (row.status !== 'ready') throw new PermanentJobError('ACCOUNT_NOT_READY')
  const { walletId, index, keyCiphertext } = row
  const { keyVersion, masterKeyId, wrappedDataKey } = row
  // A ready account made before keys were sealed per account has none.
  if (!keyCiphertext) throw new PermanentJobError('ACCOUNT_KEY_MISSING')
  if (!keyVersion || !masterKeyId || !wrappedDataKey) {
    throw new PermanentJobError('WALLET_KEYS_MISSING')
  }
  const sealed = {
    walletId,
    index,
    keyCiphertext,
    keyVersion,
    masterKeyId,
    wrappedDataKey,
  }
  if (sealedKeys.size >= MAX_SEALED_KEYS) sealedKeys.clear()
  sealedKeys.set(accountId, sealed)
  return sealed
}
