import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify'
import { connectDatabase } from '../src/shared/db/client.js'
import { isConnectionLost } from '../src/shared/db/connection-errors.js'
import type { TransactionView } from '../src/server/transactions/schemas.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  WALLET_CREATE_QUEUE,
} from '../src/shared/queues.js'
import {
  expectAccounts,
  expectNoPlaintextSecrets,
  expectOneSeedEach,
  progress,
} from './helpers/custody-checks.js'
import { unique } from './helpers/app.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  fundedAccount,
  nodeNonce,
  randomAddress,
  startTransactionStack,
  type TransactionStack,
} from './helpers/transaction-stack.js'
import { createWallet, readyWallet } from './helpers/wallet-stack.js'

// Wallets asked for while PostgreSQL connections are dropped.
const WALLETS = 200

let ts: TransactionStack
let admin: postgres.Sql
let databaseName: string
beforeAll(async () => {
  ts = await startTransactionStack({ env: { SEND_WAIT_MS: '0' } })
  const url = new URL(ts.stack.databaseUrl)
  databaseName = url.pathname.slice(1)
  // Connected to another database, so that it is not among the dropped.
  url.pathname = '/postgres'
  admin = postgres(url.toString(), { max: 1, onnotice: () => {} })
})
afterAll(async () => {
  await stopAllSigners()
  await admin?.end()
  await ts?.close()
})

/**
 * Drops every connection of the API and the signers to their database,
 * as a failover or an administrator does; returns how many it dropped.
 */
async function dropConnections(): Promise<number> {
  // Sessions waiting for a lock go first, and are waited for: were the
  // holder dropped first, a waiter could take the lock and commit before
  // its own end reached it.
  // In the select list, not the where clause: there the planner may call
  // it before the other conditions, on every backend of the server.
  const waiters = await admin<{ pid: number; terminated: boolean }[]>`
    select pid, pg_terminate_backend(pid, 5000) as terminated
    from pg_stat_activity
    where datname = ${databaseName} and wait_event_type = 'Lock'
      and pid <> pg_backend_pid()`
  const rest = await admin<{ pid: number; terminated: boolean }[]>`
    select pid, pg_terminate_backend(pid) as terminated from pg_stat_activity
    where datname = ${databaseName} and pid <> pg_backend_pid()`
  const pids = [...waiters, ...rest]
    .filter((row) => row.terminated)
    .map((row) => row.pid)
  // Dropped once the backends have exited and closed their sockets.
  await waitFor(async () => {
    const [row] = await admin<{ left: number }[]>`
      select count(*)::int as left from pg_stat_activity
      where pid = any(${pids})`
    return row?.left === 0
  })
  return pids.length
}

/** How many sessions of the stack's database sleep holding a lock. */
async function lockHolders(): Promise<number> {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = ${databaseName} and query like '%pg_sleep%'
      and pid <> pg_backend_pid()`
  return row?.n ?? 0
}

/** How many sessions of the stack's database wait for a lock. */
async function lockWaiters(): Promise<number> {
  const [row] = await admin<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = ${databaseName} and wait_event_type = 'Lock'`
  return row?.n ?? 0
}

/**
 * `check`, counting a query that met a dropped connection as "not yet":
 * the test's own queries share the API's pool, and one in flight at a
 * drop fails as any may.
 */
function tolerant(check: () => Promise<boolean>): () => Promise<boolean> {
  return () =>
    check().catch((error: unknown) => {
      if (isConnectionLost(error)) return false
      throw error
    })
}

/**
 * Sends a request until it is answered with anything but 503, as a client
 * told to retry later does, with the same Idempotency-Key each time. A
 * request that meets a dropped connection must answer 503
 * SERVICE_UNAVAILABLE: never a 500, never a hang.
 */
async function untilServed(options: InjectOptions): Promise<Response> {
  const { stack } = ts
  const headers = { ...options.headers, 'idempotency-key': unique('retry') }
  return waitFor(
    async () => {
      const response = await stack.request({ ...options, headers })
      if (response.statusCode !== 503) return response
      expectError(response, 503, 'SERVICE_UNAVAILABLE')
      return false
    },
    { message: 'a request to be served' },
  )
}

/** How many of the transactions `ids` are still queued or submitted. */
async function openCount(ids: string[]): Promise<number> {
  const [row] = await ts.stack.t.database.sql<{ open: number }[]>`
    select count(*)::int as open from transactions
    where id in ${ts.stack.t.database.sql(ids)}
      and status in ('queued', 'submitted')`
  return row?.open ?? 0
}

async function created(options: InjectOptions): Promise<string> {
  const response = await untilServed({ method: 'POST', ...options })
  expect(response.statusCode, response.body).toBe(202)
  return response.json<{ id: string }>().id
}

describe('PostgreSQL connections dropped', () => {
  it('fail the request in flight with 503; the next are served', async () => {
    const { stack } = ts
    const user = await stack.signIn()
    const walletId = await createWallet(stack, user)
    // A rename waits behind this lock, its query in flight at the drop.
    const holder = connectDatabase(stack.databaseUrl, { max: 1 })
    const held = holder.sql
      .begin(async (tx) => {
        await tx`select id from wallets where id = ${walletId} for update`
        await tx`select pg_sleep(60)`
      })
      .catch(() => 'dropped')
    await waitFor(async () => (await lockHolders()) > 0, {
      message: 'the lock to be taken',
    })
    const renaming = stack.request({
      method: 'PATCH',
      url: `/v1/wallets/${walletId}`,
      headers: user,
      payload: { name: 'renamed' },
    })
    await waitFor(async () => (await lockWaiters()) > 0, {
      message: 'the rename to wait for the lock',
    })

    expect(await dropConnections()).toBeGreaterThan(0)

    expectError(await renaming, 503, 'SERVICE_UNAVAILABLE')
    expect(await held).toBe('dropped')
    await holder.close()
    const renamed = await untilServed({
      method: 'PATCH',
      url: `/v1/wallets/${walletId}`,
      headers: user,
      payload: { name: 'renamed' },
    })
    expect(renamed.json()).toMatchObject({ id: walletId, name: 'renamed' })
    const name = unique('after-the-drop')
    await created({ url: '/v1/wallets', headers: user, payload: { name } })
    const listed = await untilServed({
      url: '/v1/wallets?limit=100',
      headers: user,
    })
    const names = listed.json<{ data: { name: string }[] }>().data
    expect(names.filter((wallet) => wallet.name === name)).toHaveLength(1)
    expect((await stack.request({ url: '/readyz' })).statusCode).toBe(200)
  })

  it('mid-work, cost the signer nothing: all work done once', async () => {
    const { stack } = ts
    const signer = await stack.startSigner()
    const owner = await fundedAccount(stack)
    const wallet = await readyWallet(stack, owner.user)
    const accountIds: string[] = []
    for (let n = 0; n < 10; n++) {
      const url = `/v1/wallets/${wallet.id}/accounts`
      accountIds.push(await created({ url, headers: owner.user, payload: {} }))
    }
    const to = randomAddress()
    const sent: string[] = []
    for (let n = 0; n < 8; n++) {
      sent.push(
        await created({
          url: `/v1/accounts/${owner.accountId}/transactions`,
          headers: owner.user,
          payload: { to, value: '1000' },
        }),
      )
    }
    // Enough work that both drops most likely fall in the middle of it.
    const walletIds = await Promise.all(
      Array.from({ length: WALLETS }, () =>
        created({
          url: '/v1/wallets',
          headers: owner.user,
          payload: { name: unique('wallet') },
        }),
      ),
    )

    const ready = async () =>
      (await progress(stack, WALLET_CREATE_QUEUE, walletIds)).ready
    await waitFor(
      tolerant(async () => (await ready()) > 0),
      {
        intervalMs: 5,
        message: 'the signer to be at work',
      },
    )
    const atDrop = await ready()
    expect(await dropConnections()).toBeGreaterThan(0)
    // Dropped again once the signer has made progress on new connections,
    // or has finished: a fast signer may be done before the second drop.
    await waitFor(
      tolerant(async () => {
        const now = await ready()
        return now > atDrop || now === WALLETS
      }),
      {
        intervalMs: 5,
        message: 'the signer to go on',
      },
    )
    expect(await dropConnections()).toBeGreaterThan(0)

    await waitFor(
      tolerant(async () => (await ready()) === WALLETS),
      {
        timeoutMs: 60_000,
        message: 'every wallet to be ready',
      },
    )
    await waitFor(
      tolerant(
        async () =>
          (await progress(stack, ACCOUNT_DERIVE_QUEUE, accountIds)).ready ===
          accountIds.length,
      ),
      { message: 'every account to be ready' },
    )
    await waitFor(
      tolerant(async () => (await openCount(sent)) === 0),
      { timeoutMs: 60_000, message: 'every send to be final' },
    )
    // The API's connections were dropped too: it is read as a client told
    // to retry later reads it.
    const final = await Promise.all(
      sent.map(async (id) => {
        const url = `/v1/transactions/${id}`
        const response = await untilServed({ url, headers: owner.user })
        return response.json<TransactionView>()
      }),
    )

    await expectOneSeedEach(stack, walletIds)
    await expectAccounts(stack, wallet.id, 10)
    expect(final.map((tx) => tx.status)).toEqual(sent.map(() => 'confirmed'))
    const nonces = final.map((tx) => tx.nonce).sort((a, b) => a - b)
    expect(nonces).toEqual(sent.map((_, i) => i))
    expect(await nodeNonce(ts.anvil, owner.address)).toBe(sent.length)
    expect(signer.process.exitCode).toBeNull()
    expect(signer.process.signalCode).toBeNull()
    expect(atDrop, 'the signer was done before the drop').toBeLessThan(WALLETS)
    expect(await expectNoPlaintextSecrets(stack)).toBeGreaterThan(WALLETS)
  }, 120_000)
})
