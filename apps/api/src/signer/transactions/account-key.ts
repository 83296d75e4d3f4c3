import { eq } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import {
  CustodyError,
  openAccountKey,
  type MasterKey,
} from '../custody/envelope.js'
import { PermanentJobError } from '../jobs/job-error.js'

/**
 * Opens an account's sealed private key for the length of `use`, then
 * zeroes it. A key that cannot be opened is a permanent failure with the
 * custody code (DECRYPTION_FAILED, MASTER_KEY_MISMATCH…).
 */
export async function withAccountKey<T>(
  db: Database,
  masterKey: MasterKey,
  accountId: string,
  use: (privateKey: Uint8Array) => T,
): Promise<T> {
  const [row] = await db
    .select({
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
  const { keyCiphertext, keyVersion, masterKeyId, wrappedDataKey } = row
  if (!keyCiphertext || !keyVersion || !masterKeyId || !wrappedDataKey) {
    throw new PermanentJobError('ACCOUNT_KEY_MISSING')
  }

  let privateKey: Buffer
  try {
    privateKey = openAccountKey(masterKey, row.walletId, row.index, {
      keyVersion,
      masterKeyId,
      wrappedDataKey,
      keyCiphertext,
    })
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
