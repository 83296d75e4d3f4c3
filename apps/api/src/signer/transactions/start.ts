import { setTimeout as sleep } from 'node:timers/promises'

import type { Worker } from 'bullmq'

import { openChains, type ChainRegistry } from '../../shared/chain-registry.js'
import type { ChainSource } from '../../shared/chains.js'
import { errorSummary } from '../jobs/job-error.js'
import { startTransactionWorker, type WorkerDeps } from '../workers.js'
import { startTracker } from './tracker.js'

export interface TransactionWorkDeps extends WorkerDeps {
  chainSource: ChainSource
  trackIntervalMs: number
  stuckAfterMs: number
}

const RETRY_MS = 5000

/**
 * Starts sending (`transaction.send`) and tracking transactions once the
 * chains are known. With RPC_URL alone the chain id must be asked of the
 * node; while it does not answer, the signer goes on with wallets and
 * asks again, and transactions wait in their queue.
 */
export function startTransactionWork(deps: TransactionWorkDeps): {
  stop(): Promise<void>
} {
  const stopping = new AbortController()
  let worker: Worker | undefined
  let tracker: { stop(): Promise<void> } | undefined

  const started = openChainsPatiently(deps, stopping.signal).then((chains) => {
    if (!chains) return
    worker = startTransactionWorker(deps, chains)
    tracker = startTracker({
      db: deps.db,
      masterKey: deps.masterKey,
      chains,
      intervalMs: deps.trackIntervalMs,
      stuckAfterMs: deps.stuckAfterMs,
      log: deps.log,
    })
    const ids = chains.chains.map((chain) => chain.id)
    deps.log.info({ chains: ids }, 'sending transactions')
  })

  return {
    async stop() {
      stopping.abort()
      await started
      await tracker?.stop()
      await worker?.close()
    },
  }
}

async function openChainsPatiently(
  deps: TransactionWorkDeps,
  signal: AbortSignal,
): Promise<ChainRegistry | undefined> {
  while (!signal.aborted) {
    try {
      return await openChains(deps.chainSource)
    } catch (error) {
      deps.log.warn(
        { error: errorSummary(error) },
        'chain node unreachable; transactions wait for it',
      )
    }
    await sleep(RETRY_MS, undefined, { signal }).catch(() => {})
  }
  return undefined
}
