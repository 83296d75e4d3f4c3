import { and, asc, eq } from 'drizzle-orm'
import type { Logger } from 'pino'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import type { Chain } from '../../shared/chains.js'
import type { Database } from '../../shared/db/client.js'
import { transactions } from '../../shared/db/schema.js'
import type { MasterKey } from '../custody/envelope.js'
import { errorSummary } from '../jobs/job-error.js'
import { runEvery } from '../run-every.js'
import { broadcast } from './broadcast.js'
import { settleMined } from './settle-mined.js'
import { track } from './track.js'

export interface TrackerDeps {
  db: Database
  masterKey: MasterKey
  chains: ChainRegistry
  intervalMs: number
  stuckAfterMs: number
  log: Logger
}

const BATCH = 500
// Each transaction being tracked holds a database connection while its
// node answers; a few at a time leave the rest of the pool to the workers.
const PARALLEL = 4

/**
 * Follows every submitted transaction to its end, every `intervalMs`.
 * Mined and waiting ones are handled in bulk by `settleMined`; each of the
 * rest is taken with FOR UPDATE SKIP LOCKED, so several signers share the
 * work and never act on one transaction at once.
 */
export function startTracker(deps: TrackerDeps): { stop(): Promise<void> } {
  // Chains are tracked in turn, and one whose node is away holds up none
  // of the others.
  async function pass(): Promise<void> {
    for (const chain of deps.chains.chains) {
      await trackChain(deps, chain).catch((error: unknown) =>
        deps.log.warn(
          { chainId: chain.id, error: errorSummary(error) },
          'tracking pass failed',
        ),
      )
    }
  }

  return runEvery(deps.intervalMs, pass, (error) =>
    deps.log.warn({ error: errorSummary(error) }, 'tracking pass failed'),
  )
}

async function trackChain(deps: TrackerDeps, chain: Chain): Promise<void> {
  const open = await deps.db
    .select({ id: transactions.id, errorCode: transactions.errorCode })
    .from(transactions)
    .where(
      and(
        eq(transactions.status, 'submitted'),
        eq(transactions.chainId, chain.id),
      ),
    )
    .orderBy(asc(transactions.submittedAt))
    .limit(BATCH)
  if (open.length === 0) return
  const { client } = deps.chains.resolve(chain.id)
  const left = await settleMined({ ...deps, chain, client }, open)
  await inLanes(left, PARALLEL, ({ id }) =>
    trackOne(deps, { id, chainId: chain.id }),
  )
}

async function trackOne(
  deps: TrackerDeps,
  { id, chainId }: { id: string; chainId: number },
): Promise<void> {
  const { chain, client } = deps.chains.resolve(chainId)
  const log = deps.log.child({ transactionId: id })
  try {
    const replacement = await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(transactions)
        .where(
          and(eq(transactions.id, id), eq(transactions.status, 'submitted')),
        )
        .for('update', { skipLocked: true })
      if (!row) return undefined
      const { db, masterKey, stuckAfterMs } = deps
      return track({ db, tx, masterKey, chain, client, stuckAfterMs, log }, row)
    })
    if (replacement) {
      const outcome = await broadcast(client, replacement.raw)
      log.info(
        { hash: replacement.hash, outcome: outcome.kind },
        'transaction replaced with higher fees',
      )
    }
  } catch (error) {
    log.warn({ error: errorSummary(error) }, 'tracking failed; will try again')
  }
}

/** Runs `run` over `items`, at most `lanes` at a time. */
async function inLanes<T>(
  items: T[],
  lanes: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  async function lane(): Promise<void> {
    for (let item = items[next++]; item !== undefined; item = items[next++]) {
      await run(item)
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
}
