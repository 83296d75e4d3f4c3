import type { Hex } from 'viem'

import type { Database } from '../../shared/db/client.js'
import type { SignJob, SignResult } from '../../shared/queues.js'
import { signingDigest } from '../../shared/sign-request.js'
import type { MasterKey } from '../custody/envelope.js'
import { signDigest, toSignatureHex } from '../custody/signing.js'
import { withAccountKey } from '../account-key.js'
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
  const digest = digestOf(job)
  const signature = await withAccountKey(
    deps.db,
    deps.masterKey,
    job.accountId,
    (privateKey) => toSignatureHex(signDigest(privateKey, digest)),
  )
  return { signature, durationMs: performance.now() - started }
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
