import { randomUUID } from 'node:crypto'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { createApiKeyCache } from './api-key-cache.js'
import type { ApiKey } from './api-key-service.js'

function apiKey(): ApiKey {
  return {
    id: randomUUID(),
    userId: randomUUID(),
    name: 'ci',
    secretHash: Buffer.alloc(32, 7),
    createdAt: new Date(),
    lastUsedAt: null,
    revokedAt: null,
  }
}

describe('the API key cache', () => {
  afterEach(() => vi.useRealTimers())

  it('keeps nothing until it is live, and drops everything when it stops', () => {
    const cache = createApiKeyCache(10_000)
    const key = apiKey()

    cache.set(key, Date.now())
    expect(cache.get(key.id)).toBeUndefined()

    cache.setLive(true)
    cache.set(key, Date.now())
    expect(cache.get(key.id)).toBe(key)

    cache.setLive(false)
    expect(cache.get(key.id)).toBeUndefined()
  })

  it('keeps a key for the time to live from its read, no longer', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const cache = createApiKeyCache(2000)
    cache.setLive(true)
    const key = apiKey()

    cache.set(key, Date.now() - 500)
    vi.advanceTimersByTime(1400)
    expect(cache.get(key.id)).toBe(key)
    vi.advanceTimersByTime(200)
    expect(cache.get(key.id)).toBeUndefined()
  })

  it('refuses a read that began before the key was forgotten', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const cache = createApiKeyCache(10_000)
    cache.setLive(true)
    const key = apiKey()
    const readAt = Date.now()

    vi.advanceTimersByTime(5)
    cache.forget(key.id)
    cache.set(key, readAt)
    expect(cache.get(key.id)).toBeUndefined()

    vi.advanceTimersByTime(5)
    cache.set(key, Date.now())
    expect(cache.get(key.id)).toBe(key)
  })

  it('keeps nothing with a time to live of zero', () => {
    const cache = createApiKeyCache(0)
    cache.setLive(true)
    const key = apiKey()

    cache.set(key, Date.now())

    expect(cache.get(key.id)).toBeUndefined()
  })
})
