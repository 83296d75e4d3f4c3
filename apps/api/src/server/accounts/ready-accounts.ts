import type { Database } from '../../shared/db/client.js'
import { AppError } from '../../shared/errors.js'
import { getAccount } from './account-service.js'

/** What signing needs of an account: whose it is and its address. */
export interface ReadyAccount {
  id: string
  userId: string
  address: string
}

export interface ReadyAccounts {
  /**
   * The user's account, once it is ready: ACCOUNT_NOT_FOUND for another
   * user's or a missing one, ACCOUNT_NOT_READY before a signer made it.
   */
  get(userId: string, id: string): Promise<ReadyAccount>
}

// Enough for every account signing at once; past it the cache starts over
// rather than grow without bound under a flood of distinct ids.
const MAX_ENTRIES = 10_000

/**
 * Ready accounts this process has read, by id. A ready account never
 * changes owner or address and never stops being ready, so an entry cannot
 * go stale, and a burst of signing costs one database read, not one each.
 */
export function createReadyAccounts(db: Database): ReadyAccounts {
  const entries = new Map<string, ReadyAccount>()
  return {
    async get(userId, id) {
      const cached = entries.get(id)
      if (cached) {
        if (cached.userId !== userId) throw new AppError('ACCOUNT_NOT_FOUND')
        return cached
      }
      const account = await getAccount(db, userId, id)
      if (account.status !== 'ready' || !account.address) {
        throw new AppError('ACCOUNT_NOT_READY')
      }
      if (entries.size >= MAX_ENTRIES) entries.clear()
      const ready = { id: account.id, userId, address: account.address }
      entries.set(id, ready)
      return ready
    },
  }
}
