import { createServer, Socket, type AddressInfo, type Server } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { connectDatabase } from '../src/shared/db/client.js'
import { isConnectionLost } from '../src/shared/db/connection-errors.js'

// ReadyForQuery: the server's last message of a connection's start-up.
const READY_FOR_QUERY = 0x5a

/**
 * A TCP proxy to PostgreSQL that, while `dropping` is on, lets a new
 * connection start and then drops it as the client sends its first
 * message after the server said it was ready: that message is lost in
 * flight, as when a backend is terminated the moment it has started.
 */
function startProxy(target: URL) {
  let dropping = true
  const server: Server = createServer((client) => {
    const upstream = new Socket()
    upstream.connect(Number(target.port || 5432), target.hostname)
    const drop = dropping
    let ready = false
    let pending = Buffer.alloc(0)
    client.on('data', (chunk: Buffer) => {
      if (drop && ready) {
        client.destroy()
        upstream.destroy()
        return
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (drop && !ready) {
        pending = Buffer.concat([pending, chunk])
        // Server messages: a type byte and a length that counts itself.
        while (pending.length >= 5) {
          const length = pending.readUInt32BE(1) + 1
          if (pending.length < length) break
          ready ||= pending[0] === READY_FOR_QUERY
          pending = pending.subarray(length)
        }
      }
      client.write(chunk)
    })
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('error', () => other.destroy())
      socket.on('close', () => other.destroy())
    }
  })
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve((server.address() as AddressInfo).port),
        ),
      ),
    stopDropping: () => {
      dropping = false
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

describe('a connection dropped as it starts', () => {
  const target = new URL(inject('databaseUrl'))
  const proxy = startProxy(target)
  let url: URL
  beforeAll(async () => {
    url = new URL(target)
    url.hostname = '127.0.0.1'
    url.port = String(await proxy.listen())
  })
  afterAll(() => proxy.close())

  it('fails the query in flight, and nothing else; the pool goes on', async () => {
    const database = connectDatabase(url.toString(), { max: 1 })
    try {
      const failed = await database.sql`select 1 as one`.catch(
        (error: unknown) => error,
      )
      expect(isConnectionLost(failed)).toBe(true)

      proxy.stopDropping()
      const [row] = await database.sql<{ one: number }[]>`select 1 as one`
      expect(row?.one).toBe(1)
    } finally {
      await database.close()
    }
  })
})

describe('a reservation on a pool with no connection open', () => {
  it('is handed its connection', async () => {
    const database = connectDatabase(inject('databaseUrl'), { max: 2 })
    try {
      const reserved = await database.sql.reserve()
      const [row] = await reserved<{ two: number }[]>`select 2 as two`
      reserved.release()
      expect(row?.two).toBe(2)
    } finally {
      await database.close()
    }
  }, 5000)
})
