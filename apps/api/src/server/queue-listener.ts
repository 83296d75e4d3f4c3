import type { Queue, QueueEvents } from 'bullmq'
import type { Redis } from 'ioredis'

/**
 * One listener of a queue's job events for every waiting request of the
 * process, opened by `listen` on first use so that a process that never
 * waits holds no connection for it.
 *
 * The listener starts at the newest event there is before the first job is
 * added. Left to itself it would start at whatever is newest when its first
 * read reaches Redis, which is later: a job that ended in between would go
 * unheard until the wait timed out.
 */
export function lazyListener(
  queue: Queue,
  listen: (lastEventId: string) => QueueEvents,
): { get(): Promise<QueueEvents>; opened(): Promise<QueueEvents> | undefined } {
  let listening: Promise<QueueEvents> | undefined

  async function newestEventId(): Promise<string> {
    // Queues here are always given ioredis connections, whose commands
    // BullMQ's client wrapper passes through.
    const client = (await queue.client) as unknown as Redis
    const [newest] = await client.xrevrange(
      queue.toKey('events'),
      '+',
      '-',
      'COUNT',
      1,
    )
    return newest?.[0] ?? '0-0'
  }

  return {
    get() {
      listening ??= newestEventId().then(listen, (error: unknown) => {
        listening = undefined
        throw error
      })
      return listening
    },
    opened: () => listening,
  }
}
