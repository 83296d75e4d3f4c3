import type { ApiKey } from './api-key-service.js'

/**
 * Live API keys this process verified lately, by id, so that a burst of
 * requests with one key costs one database read rather than one each.
 * Only what the database holds anyway is kept: the secret's hash, never
 * the secret, and the presented secret is still checked on every request.
 *
 * A revocation anywhere reaches every API process through Redis (see
 * revocations.ts) and drops the key at once. While that channel is not
 * known to be listening, the cache keeps nothing, and `ttlMs` bounds how
 * long an entry lives whatever happens.
 */
export interface ApiKeyCache {
  get(id: string): ApiKey | undefined
  /**
   * Keeps `apiKey`, read from the database at `readAt` (a `Date.now()`
   * taken before the read), unless it was forgotten since.
   */
  set(apiKey: ApiKey, readAt: number): void
  forget(id: string): void
  /** Turns caching on or off; either way, everything kept is dropped. */
  setLive(live: boolean): void
}

// Enough for every key in use at once; past it the cache starts over
// rather than grow without bound under a flood of distinct keys.
const MAX_ENTRIES = 10_000

export function createApiKeyCache(ttlMs: number): ApiKeyCache {
  const entries = new Map<string, { apiKey: ApiKey; until: number }>()
  // When each key was last forgotten: a read that began before then may
  // have seen the key unrevoked, and must not be kept.
  const forgotten = new Map<string, number>()
  let live = false

  function sweep(now: number) {
    for (const [id, at] of forgotten) {
      if (at + ttlMs < now) forgotten.delete(id)
    }
  }

  return {
    get(id) {
      const entry = entries.get(id)
      if (!entry) return undefined
      if (entry.until > Date.now()) return entry.apiKey
      entries.delete(id)
      return undefined
    },
    set(apiKey, readAt) {
      if (!live || ttlMs === 0) return
      const forgottenAt = forgotten.get(apiKey.id)
      if (forgottenAt !== undefined && forgottenAt >= readAt) return
      if (entries.size >= MAX_ENTRIES) entries.clear()
      entries.set(apiKey.id, { apiKey, until: readAt + ttlMs })
    },
    forget(id) {
      const now = Date.now()
      entries.delete(id)
      if (forgotten.size >= MAX_ENTRIES) sweep(now)
      forgotten.set(id, now)
    },
    setLive(next) {
      live = next
      entries.clear()
    },
  }
}
