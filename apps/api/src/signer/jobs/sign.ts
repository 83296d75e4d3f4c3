import { eq } from 'drizzle-orm'
import type { Hex } from 'viem'

import type { Database } from '../../shared/db/client.js'
import { accounts, wallets } from '../../shared/db/schema.js'
import type { SignJob, SignResult } from '../../shared/queues.js'
import { signingDigest } from '../../shared/sign-request.js'
import {
  CustodyError,
  openAccountKey,
  type MasterKey,
} from '../custody/envelope.js'
import { signDigest, toSignatureHex } from '../custody/signing.js'
import { PermanentJobError } from './job-error.js'

export interface SignDeps {
  db: Database
  masterKey: MasterKey
}

/**
 * Signs a message or typed data with a ready account's sealed key. The
 * digest is computed here from the request itself, so this job can only
 * make EIP-191 and EIP-712 signatures. The key is open for the length of
 * one signature and zeroed after it.
 */
export async function sign(deps: SignDeps, job: SignJob): Promise<SignResult> {
  const started = performance.now()
  const sealed = await loadSealedKey(deps.db, job.accountId)
  const digest = digestOf(job)

  const privateKey = openKey(deps.masterKey, sealed)
  try {
    const signature = toSignatureHex(signDigest(privateKey, digest))
    return { signature, durationMs: performance.now() - started }
  } finally {
    privateKey.fill(0)
  }
}

type SealedAccountKey = Awaited<ReturnType<typeof loadSealedKey>>

async function loadSealedKey(db: Database, accountId: string) {
  const [row] = await db
    .select({
      status: accounts.status,
      index: accounts.index,
      keyCiphertext: accounts.keyCiphertext,
      walletId: wallets.id,
      keyVersion: wallets.keyVersion,
      masterKeyId: wallets.masterKeyId,
      wrappedDataKey: wallets.wrappedDataKey,
    })
    .from(accounts)
    .innerJoin(wallets, eq(wallets.id, accounts.walletId))
    .where(eq(accounts.id, accountId))
  if (!row) throw new PermanentJobError('ACCOUNT_NOT_FOUND')
  if (row.status !== 'ready') throw new PermanentJobError('ACCOUNT_NOT_READY')
  return row
}

// The API refused bad requests already; one that still fails here was
// changed on the way, and its details (the caller's data) stay out of logs.
function digestOf(job: SignJob): Hex {
  try {
    return signingDigest(job.request)
  } catch {
    throw new PermanentJobError('INVALID_SIGN_REQUEST')
  }
}

function openKey(masterKey: MasterKey, row: SealedAccountKey): Buffer {
  const { keyVersion, masterKeyId, wrappedDataKey, keyCiphertext } = row
  // A ready account made before keys were sealed per account has none.
  if (!keyCiphertext) throw new PermanentJobError('ACCOUNT_KEY_MISSING')
  if (!keyVersion || !masterKeyId || !wrappedDataKey) {
    throw new PermanentJobError('WALLET_KEYS_MISSING')
  }
  try {
    return openAccountKey(masterKey, row.walletId, row.index, {
      keyVersion,
      masterKeyId,
      wrappedDataKey,
      keyCiphertext,
    })
  } catch (error) {
    if (error instanceof CustodyError) throw new PermanentJobError(error.code)
    throw error
  }
}
