import type {
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit'
import type { Redis } from 'ioredis'

interface RateState {
  current: number
  ttl: number
}

/**
 * What @fastify/rate-limit passes to `child` for a route with limits of
 * its own. Its type declarations say route options; it passes these.
 */
interface ChildOptions {
  routeInfo?: { method?: string; url?: string }
}

interface Counter {
  /** When this window ends, by this process's clock. */
  resetAt: number
  /** The shared count Redis last reported, this process's flushed included. */
  shared: number
  /** Requests counted here and not yet added in Redis. */
  pending: number
  /** Requests being added in Redis by the flush under way. */
  flushing: number
  window: number
}

// Adds this process's count to the shared one, starting the window on the
// first add, and answers the shared count with the time the window has left.
const ADD_SCRIPT = `
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if total == tonumber(ARGV[1]) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {total, tonumber(ARGV[2])}
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}
`

// Callers counted at once, at most; past it, callers with nothing left to
// add are forgotten, oldest first, so that a flood of addresses cannot grow
// the map without bound. A forgotten caller's count is still in Redis.
const MAX_COUNTERS = 100_000

export interface BatchedStoreOptions {
  redis: Redis
  /** Prefix of the counters' keys in Redis. */
  prefix: string
  /** How often counts are added to the shared ones in Redis. */
  syncMs: number
}

/**
 * A rate-limit store that counts requests in this process and adds the
 * counts to shared counters in Redis every `syncMs`, in one round trip for
 * all callers, instead of one round trip per request. A caller's first
 * request in a window, as this process sees it, waits for Redis, so that
 * it starts from the shared count. A caller is refused once the shared
 * count plus what this process counted since exceeds the budget.
 *
 * The cost of sparing those round trips: between two syncs each API
 * process only knows its own new requests, so a caller spreading requests
 * over N processes may get up to N × (its requests in one sync interval)
 * past its budget. While Redis is away, counts stay local and are added
 * once it answers again.
 */
export function batchedRedisStore(
  options: BatchedStoreOptions,
): FastifyRateLimitStoreCtor {
  const counters = new Map<string, Counter>()
  let timer: NodeJS.Timeout | undefined

  options.redis.defineCommand('custosRateAdd', {
    numberOfKeys: 1,
    lua: ADD_SCRIPT,
  })
  type Pipeline = ReturnType<Redis['pipeline']> & {
    custosRateAdd(key: string, count: number, window: number): Pipeline
  }
  const redis = options.redis as Redis & {
    custosRateAdd(key: string, count: number, window: number): Promise<unknown>
  }

  function schedule() {
    timer ??= setTimeout(() => {
      timer = undefined
      void flush()
    }, options.syncMs).unref()
  }

  /** Adds every pending count in Redis, in one pipeline. */
  async function flush() {
    const now = Date.now()
    const batch: [Counter, number][] = []
    const pipeline = options.redis.pipeline() as Pipeline
    for (const [key, counter] of counters) {
      if (counter.pending > 0) {
        const amount = take(counter)
        batch.push([counter, amount])
        pipeline.custosRateAdd(key, amount, counter.window)
      } else if (counter.resetAt <= now && counter.flushing === 0) {
        counters.delete(key)
      }
    }
    if (batch.length === 0) return

    const replies = await pipeline.exec().catch(() => null)
    batch.forEach(([counter, amount], index) =>
      settle(counter, amount, replies?.[index]),
    )
  }

  /** Adds one counter's pending count in Redis now. */
  async function flushOne(key: string, counter: Counter) {
    const amount = take(counter)
    const reply = await redis.custosRateAdd(key, amount, counter.window).then(
      (result: unknown) => [null, result] as [null, unknown],
      (error: Error) => [error, null] as [Error, null],
    )
    settle(counter, amount, reply)
  }

  /** Moves a counter's pending count into flight. */
  function take(counter: Counter): number {
    const amount = counter.pending
    counter.flushing += amount
    counter.pending = 0
    return amount
  }

  /** Takes Redis's answer for a counter, or keeps its count for later. */
  function settle(
    counter: Counter,
    amount: number,
    reply: [Error | null, unknown] | undefined,
  ) {
    counter.flushing -= amount
    const [error, result] = reply ?? [new Error('no reply')]
    if (!error && Array.isArray(result)) {
      // Replies come in the order the adds were sent, so the last one
      // includes every add before it.
      const [total, ttl] = result as [number, number]
      counter.shared = total
      counter.resetAt = Date.now() + ttl
    } else {
      counter.pending += amount
      schedule()
    }
  }

  /** The counter of `key`'s current window, and whether it is new. */
  function counterFor(key: string, timeWindow: number) {
    const now = Date.now()
    const existing = counters.get(key)
    if (existing && existing.resetAt > now) return { counter: existing }
    if (counters.size >= MAX_COUNTERS) forgetIdle()
    // A new window: whatever is still to be added belongs to the old one.
    const counter: Counter = {
      resetAt: now + timeWindow,
      shared: 0,
      pending: 0,
      flushing: 0,
      window: timeWindow,
    }
    counters.set(key, counter)
    return { counter, fresh: true }
  }

  function stateOf(counter: Counter): RateState {
    return {
      current: counter.shared + counter.flushing + counter.pending,
      ttl: Math.max(counter.resetAt - Date.now(), 0),
    }
  }

  function forgetIdle() {
    for (const [key, counter] of counters) {
      if (counters.size < MAX_COUNTERS) return
      if (counter.pending === 0 && counter.flushing === 0) counters.delete(key)
    }
  }

  function storeFor(routePrefix: string): FastifyRateLimitStoreCtor {
    return class implements FastifyRateLimitStore {
      incr(
        key: string,
        done: (error: Error | null, state: RateState) => void,
        timeWindow: number,
      ) {
        const fullKey = `${options.prefix}${routePrefix}${key}`
        const { counter, fresh } = counterFor(fullKey, timeWindow)
        counter.pending += 1
        if (!fresh) {
          schedule()
          done(null, stateOf(counter))
          return
        }
        void flushOne(fullKey, counter).then(() => done(null, stateOf(counter)))
      }

      child(routeOptions: unknown): FastifyRateLimitStore {
        const { method = '', url = '' } =
          (routeOptions as ChildOptions).routeInfo ?? {}
        const Child = storeFor(`${routePrefix}${method}${url}-`)
        return new Child({})
      }
    }
  }

  return storeFor('')
}
