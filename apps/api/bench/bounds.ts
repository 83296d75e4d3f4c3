import { randomBytes, randomUUID } from 'node:crypto'

import {
  masterKeyId,
  openChainKey,
  sealAccountKey,
  sealWallet,
  type MasterKey,
  type SealedWallet,
} from '../src/signer/custody/envelope.js'
import {
  deriveAccount,
  deriveChainKey,
  generateEntropy,
  seedFromEntropy,
} from '../src/signer/custody/hd.js'
import { signDigest } from '../src/signer/custody/signing.js'

/**
 * The crypto-only bounds: the signer's own custody functions, called in a
 * loop in this process with no database, queue or HTTP around them. Each
 * runs `lanes` loops at once, as a signer runs that many jobs at once, so
 * that work done off the main thread (PBKDF2) overlaps as it does there.
 */
export interface BoundOptions {
  seconds: number
  lanes: number
}

const masterKeyBytes = randomBytes(32)
const masterKey: MasterKey = {
  id: masterKeyId(masterKeyBytes),
  key: masterKeyBytes,
}

/** Wallets per second: entropy, seed, chain key, sealing, account 0. */
export function walletBound(options: BoundOptions): Promise<number> {
  return perSecond(options, async () => {
    const walletId = randomUUID()
    const entropy = generateEntropy()
    const seed = await seedFromEntropy(entropy)
    const chainKey = deriveChainKey(seed)
    const sealed = sealWallet(masterKey, walletId, { entropy, chainKey })
    const account = deriveAccount(chainKey, 0)
    sealAccountKey(masterKey, walletId, 0, sealed, account.privateKey)
    for (const secret of [seed, entropy, chainKey, account.privateKey]) {
      secret.fill(0)
    }
  })
}

/** Accounts per second: opening the chain key, deriving, sealing. */
export async function accountBound(options: BoundOptions): Promise<number> {
  const walletId = randomUUID()
  const sealed = await sampleWallet(walletId)
  let index = 1
  return perSecond(options, async () => {
    const chainKey = openChainKey(masterKey, walletId, sealed)
    const account = deriveAccount(chainKey, index)
    sealAccountKey(masterKey, walletId, index, sealed, account.privateKey)
    chainKey.fill(0)
    account.privateKey.fill(0)
    index += 1
  })
}

/** Signatures per second of one key over fresh digests. */
export function signingBound(options: BoundOptions): Promise<number> {
  const privateKey = randomBytes(32)
  return perSecond({ ...options, lanes: 1 }, async () => {
    signDigest(privateKey, `0x${randomBytes(32).toString('hex')}`)
  })
}

async function sampleWallet(walletId: string): Promise<SealedWallet> {
  const entropy = generateEntropy()
  const chainKey = deriveChainKey(await seedFromEntropy(entropy))
  return sealWallet(masterKey, walletId, { entropy, chainKey })
}

async function perSecond(
  { seconds, lanes }: BoundOptions,
  step: () => Promise<void>,
): Promise<number> {
  // A short warm-up lets the JIT settle before anything is counted.
  await runFor(Math.min(1, seconds / 4), lanes, step)
  const started = performance.now()
  const count = await runFor(seconds, lanes, step)
  return count / ((performance.now() - started) / 1000)
}

async function runFor(
  seconds: number,
  lanes: number,
  step: () => Promise<void>,
): Promise<number> {
  const deadline = performance.now() + seconds * 1000
  let count = 0
  async function lane(): Promise<void> {
    while (performance.now() < deadline) {
      await step()
      count += 1
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
  return count
}
