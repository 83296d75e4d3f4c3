import { randomUUID } from 'node:crypto'

import type { LightMyRequestResponse as Response } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import type { WalletView } from '../src/server/wallets/schemas.js'
import { unique } from './helpers/app.js'
import { expectError } from './helpers/http.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  createWallet,
  postAccount,
  postWallet,
  readyWallet,
  startWalletStack,
  type WalletStack,
} from './helpers/wallet-stack.js'

const REPLAYED = 'idempotent-replayed'

let stack: WalletStack
beforeAll(async () => {
  stack = await startWalletStack()
  await stack.signer()
})
afterAll(async () => {
  await stopAllSigners()
  await stack?.close()
})

/** The rows behind a wallet and its accounts, as PostgreSQL holds them. */
async function snapshot(walletId: string) {
  const sql = stack.t.database.sql
  const wallets = await sql`select * from wallets where id = ${walletId}`
  const accounts = await sql`
    select * from accounts where wallet_id = ${walletId} order by index`
  return { wallets, accounts }
}

async function countWallets(name: string): Promise<number> {
  const [row] = await stack.t.database.sql<{ n: number }[]>`
    select count(*)::int as n from wallets where name = ${name}`
  return row?.n ?? -1
}

async function listIds(headers: Record<string, string>): Promise<string[]> {
  const response = await stack.request({
    url: '/v1/wallets?limit=100',
    headers,
  })
  return response.json<{ data: WalletView[] }>().data.map((w) => w.id)
}

describe("another user's wallets and accounts", () => {
  it('answer 404 on every route and stay unchanged', async () => {
    const owner = await stack.signIn('owner')
    const stranger = await stack.signIn('stranger')
    const wallet = await readyWallet(stack, owner)
    const account = wallet.accounts[0] as AccountView
    const before = await snapshot(wallet.id)

    const attempt = (walletId: string, accountId: string) => [
      stack.request({ url: `/v1/wallets/${walletId}`, headers: stranger }),
      stack.request({
        method: 'PATCH',
        url: `/v1/wallets/${walletId}`,
        headers: stranger,
        payload: { name: 'stolen' },
      }),
      stack.request({
        method: 'POST',
        url: `/v1/wallets/${walletId}/accounts`,
        headers: { ...stranger, 'idempotency-key': unique('steal') },
        payload: {},
      }),
      stack.request({
        url: `/v1/wallets/${walletId}/accounts`,
        headers: stranger,
      }),
      stack.request({ url: `/v1/accounts/${accountId}`, headers: stranger }),
      stack.request({
        method: 'PATCH',
        url: `/v1/accounts/${accountId}`,
        headers: stranger,
        payload: { name: 'stolen' },
      }),
    ]
    const codes = [
      'WALLET_NOT_FOUND',
      'WALLET_NOT_FOUND',
      'WALLET_NOT_FOUND',
      'WALLET_NOT_FOUND',
      'ACCOUNT_NOT_FOUND',
      'ACCOUNT_NOT_FOUND',
    ]

    const answers = await Promise.all(attempt(wallet.id, account.id))
    const unknown = await Promise.all(attempt(randomUUID(), randomUUID()))

    answers.forEach((answer, i) => expectError(answer, 404, codes[i] ?? ''))
    // Someone else's id answers exactly like an id that does not exist.
    expect(answers.map((answer) => answer.body)).toEqual(
      unknown.map((answer) => answer.body),
    )
    expect(await snapshot(wallet.id)).toEqual(before)
    // The owner, asking the same, is answered.
    const own = await Promise.all([
      stack.request({ url: `/v1/wallets/${wallet.id}`, headers: owner }),
      stack.request({
        url: `/v1/wallets/${wallet.id}/accounts`,
        headers: owner,
      }),
      stack.request({ url: `/v1/accounts/${account.id}`, headers: owner }),
    ])
    expect(own.map((answer) => answer.statusCode)).toEqual([200, 200, 200])
    expect(own[1]?.json()).toEqual({ data: [account] })
    expect(own[2]?.json()).toEqual(account)
  })

  it('never appear in GET /v1/wallets', async () => {
    const alice = await stack.signIn('alice')
    const bob = await stack.signIn('bob')
    const alices = [
      await createWallet(stack, alice),
      await createWallet(stack, alice),
    ]
    const bobs = [await createWallet(stack, bob)]

    expect((await listIds(alice)).sort()).toEqual(alices.sort())
    expect(await listIds(bob)).toEqual(bobs)
    expect(await listIds(await stack.signIn('carol'))).toEqual([])
  })
})

describe('GET /v1/wallets', () => {
  it('pages through every wallet once, newest first', async () => {
    const user = await stack.signIn()
    const other = await stack.signIn()
    await Promise.all(
      Array.from({ length: 5 }, () => createWallet(stack, user)),
    )
    const otherWallet = await createWallet(stack, other)

    const seen: string[] = []
    const pageSizes: number[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const response = await stack.request({
        url: `/v1/wallets?limit=2${query}`,
        headers: user,
      })
      expect(response.statusCode).toBe(200)
      const page = response.json<{
        data: WalletView[]
        nextCursor: string | null
      }>()
      seen.push(...page.data.map((wallet) => wallet.id))
      pageSizes.push(page.data.length)
      cursor = page.nextCursor
      if (cursor) expect(cursor).toBe(page.data.at(-1)?.id)
    } while (cursor)

    expect(pageSizes).toEqual([2, 2, 1])
    const [me] = await stack.t.database.sql<{ id: string }[]>`
      select user_id as id from wallets where id = ${seen[0] ?? null}`
    const newestFirst = await stack.t.database.sql<{ id: string }[]>`
      select id from wallets where user_id = ${me?.id ?? null}
      order by created_at desc, id desc`
    expect(seen).toEqual(newestFirst.map((row) => row.id))
    expect(seen).not.toContain(otherWallet)
  })

  it('refuses a bad cursor or limit', async () => {
    const user = await stack.signIn()
    const other = await stack.signIn()
    await createWallet(stack, user)
    const othersWallet = await createWallet(stack, other)

    const list = (query: string) =>
      stack.request({ url: `/v1/wallets?${query}`, headers: user })

    expectError(await list(`cursor=${othersWallet}`), 400, 'INVALID_CURSOR')
    expectError(await list(`cursor=${randomUUID()}`), 400, 'INVALID_CURSOR')
    expectError(await list('cursor=not-a-uuid'), 400, 'VALIDATION_FAILED')
    expectError(await list('limit=0'), 400, 'VALIDATION_FAILED')
    expectError(await list('limit=101'), 400, 'VALIDATION_FAILED')
    expectError(await list('limit=2&extra=1'), 400, 'VALIDATION_FAILED')
    expect((await list('limit=100')).statusCode).toBe(200)
  })
})

describe('Idempotency-Key on POST /v1/wallets', () => {
  it('replays the first answer to a repeat, and refuses a new body', async () => {
    const user = await stack.signIn()
    const headers = { ...user, 'idempotency-key': unique('key') }
    const name = unique('wallet')

    const first = await postWallet(stack, headers, name)
    const repeat = await postWallet(stack, headers, name)
    const changed = await postWallet(stack, headers, unique('other'))

    expect(first.statusCode).toBe(202)
    expect(first.headers[REPLAYED]).toBeUndefined()
    expect(repeat.statusCode).toBe(202)
    expect(repeat.headers[REPLAYED]).toBe('true')
    expect(repeat.json()).toEqual(first.json())
    expectError(changed, 409, 'IDEMPOTENCY_KEY_REUSED')
    expect(await countWallets(name)).toBe(1)
    expect(await listIds(user)).toEqual([first.json<WalletView>().id])
  })

  it('creates one wallet for ten concurrent requests with one key', async () => {
    const user = await stack.signIn()
    const headers = { ...user, 'idempotency-key': unique('key') }
    const name = unique('wallet')

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => postWallet(stack, headers, name)),
    )

    expect(answers.map((answer) => answer.statusCode)).toEqual(
      Array<number>(10).fill(202),
    )
    const ids = new Set(answers.map((a) => a.json<WalletView>().id))
    expect(ids.size).toBe(1)
    const replayed = answers.filter((a) => a.headers[REPLAYED] === 'true')
    expect(replayed).toHaveLength(9)
    expect(await countWallets(name)).toBe(1)
  })

  it('keeps each user’s keys apart', async () => {
    const alice = await stack.signIn('alice')
    const bob = await stack.signIn('bob')
    const key = { 'idempotency-key': unique('shared') }
    const name = unique('wallet')

    const fromAlice = await postWallet(stack, { ...alice, ...key }, name)
    const fromBob = await postWallet(stack, { ...bob, ...key }, name)
    const aliceAgain = await postWallet(stack, { ...alice, ...key }, name)

    expect(fromBob.statusCode).toBe(202)
    expect(fromBob.headers[REPLAYED]).toBeUndefined()
    const aliceId = fromAlice.json<WalletView>().id
    expect(fromBob.json<WalletView>().id).not.toBe(aliceId)
    expect(aliceAgain.json<WalletView>().id).toBe(aliceId)
    expect(await countWallets(name)).toBe(2)
    expect(await listIds(bob)).toEqual([fromBob.json<WalletView>().id])
  })
})

describe('Idempotency-Key on POST /v1/wallets/:id/accounts', () => {
  async function nextIndex(walletId: string): Promise<number> {
    const [row] = await stack.t.database.sql<{ next: number }[]>`
      select next_account_index as next from wallets where id = ${walletId}`
    return row?.next ?? -1
  }

  it('replays a repeat and refuses another body or wallet', async () => {
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    const otherWallet = await readyWallet(stack, user)
    const headers = { ...user, 'idempotency-key': unique('key') }

    const first = await postAccount(stack, headers, wallet.id, { name: 'a' })
    const repeat = await postAccount(stack, headers, wallet.id, { name: 'a' })
    const renamed = await postAccount(stack, headers, wallet.id, { name: 'b' })
    const elsewhere = await postAccount(stack, headers, otherWallet.id, {
      name: 'a',
    })

    expect(first.statusCode).toBe(202)
    expect(first.json<AccountView>().index).toBe(1)
    expect(repeat.statusCode).toBe(202)
    expect(repeat.headers[REPLAYED]).toBe('true')
    expect(repeat.json()).toEqual(first.json())
    expectError(renamed, 409, 'IDEMPOTENCY_KEY_REUSED')
    expectError(elsewhere, 409, 'IDEMPOTENCY_KEY_REUSED')
    expect(await nextIndex(wallet.id)).toBe(2)
    expect(await nextIndex(otherWallet.id)).toBe(1)
  })

  it('creates one account for ten concurrent requests with one key', async () => {
    const user = await stack.signIn()
    const wallet = await readyWallet(stack, user)
    const headers = { ...user, 'idempotency-key': unique('key') }

    const answers: Response[] = await Promise.all(
      Array.from({ length: 10 }, () => postAccount(stack, headers, wallet.id)),
    )

    expect(answers.map((answer) => answer.statusCode)).toEqual(
      Array<number>(10).fill(202),
    )
    const accounts = answers.map((answer) => answer.json<AccountView>())
    expect(new Set(accounts.map((account) => account.id)).size).toBe(1)
    expect(accounts.every((account) => account.index === 1)).toBe(true)
    expect(answers.filter((a) => a.headers[REPLAYED] === 'true')).toHaveLength(
      9,
    )
    const rows = await stack.t.database.sql<{ index: number }[]>`
      select index from accounts where wallet_id = ${wallet.id} order by index`
    expect(rows.map((row) => row.index)).toEqual([0, 1])
    expect(await nextIndex(wallet.id)).toBe(2)
  })
})
