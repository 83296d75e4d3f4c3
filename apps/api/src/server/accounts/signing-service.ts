import type { FastifyBaseLogger } from 'fastify'
import { isAddressEqual, type Address, type Hex } from 'viem'

import { AppError } from '../../shared/errors.js'
import { signingDigest, type SignRequest } from '../../shared/sign-request.js'
import { InvalidTypedDataError } from '../../shared/typed-data.js'
import type { WorkQueue } from '../work-queue.js'
import type { ReadyAccounts } from './ready-accounts.js'
import { recoverSigner } from './recover-signer.js'

export interface SigningDeps {
  accounts: ReadyAccounts
  workQueue: WorkQueue
  /** How long to wait for a signer before answering SIGNER_UNAVAILABLE. */
  timeoutMs: number
}

/**
 * Signs a message or typed data with one of the user's accounts. The
 * request, the account's owner and its readiness are all checked before
 * anything is queued; the signature a signer returns is checked against
 * the account's address before it is handed out.
 */
export async function signWithAccount(
  deps: SigningDeps,
  userId: string,
  accountId: string,
  request: SignRequest,
  log: FastifyBaseLogger,
): Promise<{ signature: Hex }> {
  const digest = digestOf(request)
  const account = await deps.accounts.get(userId, accountId)

  const { signature, durationMs } = await deps.workQueue.sign(
    { accountId: account.id, request },
    { timeoutMs: deps.timeoutMs, log },
  )
  expectSignedBy(digest, signature as Hex, account.address as Address)
  log.info(
    {
      accountId: account.id,
      kind: request.kind,
      signerMs: Math.round(durationMs),
    },
    'signed',
  )
  return { signature: signature as Hex }
}

function digestOf(request: SignRequest): Hex {
  try {
    return signingDigest(request)
  } catch (error) {
    if (error instanceof InvalidTypedDataError) {
      throw new AppError('INVALID_TYPED_DATA', error.message)
    }
    throw error
  }
}

// A signer with the wrong key, or a forged answer in Redis, must not reach
// the caller as if it were the account's signature. Recovery is native:
// in pure JS it took milliseconds of the event loop per signature.
function expectSignedBy(digest: Hex, signature: Hex, address: Address): void {
  let signer: Address
  try {
    signer = recoverSigner(digest, signature)
  } catch (error) {
    throw new AppError('INTERNAL_ERROR', undefined, { cause: error })
  }
  if (!isAddressEqual(signer, address)) {
    throw new AppError('INTERNAL_ERROR', undefined, {
      cause: new Error('the signature does not recover to the account'),
    })
  }
}
