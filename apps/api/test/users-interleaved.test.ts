import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import { waitUntilSettled } from './helpers/db-snapshot.js'
import { expectError } from './helpers/http.js'
import { mismatchedOwners, namesOf, ownedBy } from './helpers/ownership.js'
import { listRoutes } from './helpers/routes.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  fundedAccount,
  randomAddress,
  send,
  startTransactionStack,
  waitUntilFinal,
  type TransactionStack,
} from './helpers/transaction-stack.js'
import {
  CREDENTIAL_KINDS,
  PROBES,
  type CredentialKind,
  type Probe,
  type ProbedUser,
} from './helpers/user-probes.js'
import { createApiKey } from './helpers/wallet-stack.js'

// Routes that hold nobody's data: the same answer for every caller.
const SHARED_ROUTES = [
  'GET /v1/chains',
  'GET /v1/config',
  'POST /v1/auth/dev-token',
  'POST /v1/dev/faucet',
]
const ROUNDS = 3
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

let ts: TransactionStack
beforeAll(async () => {
  ts = await startTransactionStack({
    env: { RATE_LIMIT_MAX: '1000000', SEND_WAIT_MS: '0' },
  })
  await ts.stack.signer()
})
afterAll(async () => {
  await stopAllSigners()
  await ts?.close()
})

/** A funded user with a send, three API keys, and its own recipient. */
async function newUser(label: string): Promise<ProbedUser> {
  const { stack } = ts
  const funded = await fundedAccount(stack)
  const sent = await send(stack, funded, randomAddress(), 1n)
  await waitUntilFinal(stack, funded.user, [sent.id])
  const [key, spare, kept] = await Promise.all(
    ['key', 'spare', 'kept'].map((name) =>
      createApiKey(stack, funded.user, `${label}-${name}`),
    ),
  )
  const get = (url: string) => stack.request({ url, headers: funded.user })
  const me = (await get('/v1/me')).json<{ id: string }>()
  const account = await get(`/v1/accounts/${funded.accountId}`)
  return {
    label,
    id: me.id,
    credentials: {
      token: funded.user,
      'api-key': { authorization: `Bearer ${key?.key}` },
    },
    walletId: account.json<AccountView>().walletId,
    accountId: funded.accountId,
    address: funded.address,
    transactionId: sent.id,
    recipient: randomAddress(),
    spareKeyId: spare?.id ?? '',
    keptKeyId: kept?.id ?? '',
  }
}

interface Call {
  caller: ProbedUser
  kind: CredentialKind
  probe: Probe
  target: ProbedUser
  round: number
}

/**
 * Every probe, by each user with each credential, about the user's own
 * data and, where it takes an id, the other's: the two users alternate.
 */
function plan(users: ProbedUser[]): Call[] {
  const calls: Call[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const probe of PROBES) {
      for (const kind of CREDENTIAL_KINDS) {
        for (const caller of users) {
          const targets = probe.foreign ? users : [caller]
          for (const target of targets) {
            calls.push({ caller, kind, probe, target, round })
          }
        }
      }
    }
  }
  return calls
}

function requestOf(call: Call): InjectOptions {
  const { caller, kind, probe, target, round } = call
  const request = probe.request(target, caller)
  const headers: Record<string, string> = { ...caller.credentials[kind] }
  // Both users send the same key at the same moment: each gets their own.
  if (request.method === 'POST') {
    const whose = target === caller ? 'own' : 'theirs'
    const route = probe.route.replace(/\W+/g, '-')
    headers['idempotency-key'] = `${round}${route}-${kind}-${whose}`
  }
  return { ...request, headers }
}

async function expectAnswer(call: Call, response: Response): Promise<void> {
  const { caller, kind, probe, target } = call
  const own = target === caller
  const byKey = kind === 'api-key' ? probe.ownByApiKey : undefined
  const status = own ? (byKey ?? probe.own) : 404
  const asked = { route: probe.route, kind, own }
  expect({ ...asked, status: response.statusCode }).toEqual({
    ...asked,
    status,
  })
  if (!own) expectError(response, 404, probe.foreign ?? '')
  else if (!byKey) await probe.check?.(response, caller)
}

/**
 * Checks every answer for the other user's ids, addresses and hashes, and
 * for any id that is not the caller's own.
 */
async function expectOnlyOwnData(
  users: ProbedUser[],
  calls: Call[],
  answers: Response[],
): Promise<void> {
  const sql = ts.stack.t.database.sql
  const owned = new Map<ProbedUser, Set<string>>()
  for (const user of users) owned.set(user, await ownedBy(sql, user.id))
  for (const [i, { caller, probe, target }] of calls.entries()) {
    const body = answers[i]?.body.toLowerCase() ?? ''
    const mine = owned.get(caller) ?? new Set()
    const other = users.find((user) => user !== caller)
    const theirs = [...(other ? (owned.get(other) ?? []) : [])]
    const asked = { route: probe.route, own: target === caller }
    expect({
      ...asked,
      theirs: theirs.filter((value) => body.includes(value)),
      unknown: (body.match(UUID) ?? []).filter((id) => !mine.has(id)),
    }).toEqual({ ...asked, theirs: [], unknown: [] })
  }
}

/** Checks that nothing one user asked of the other's data was done. */
async function expectUntouched(users: ProbedUser[]): Promise<void> {
  const sql = ts.stack.t.database.sql
  for (const user of users) {
    const other = users.find((u) => u !== user) as ProbedUser
    const names = await namesOf(sql, user.id)
    expect(names.filter((name) => name.startsWith(other.label))).toEqual([])
  }
  expect(await mismatchedOwners(sql)).toBe(0)
  const keys = await sql<{ id: string; revoked: boolean }[]>`
    select id, revoked_at is not null as revoked from api_keys
    where id in ${sql(users.flatMap((u) => [u.spareKeyId, u.keptKeyId]))}`
  const revoked = Object.fromEntries(keys.map((k) => [k.id, k.revoked]))
  for (const user of users) {
    expect(revoked[user.spareKeyId]).toBe(true)
    expect(revoked[user.keptKeyId]).toBe(false)
  }
}

describe('two users interleaved', () => {
  it('probes every route that holds a user’s data', () => {
    const routes = listRoutes(ts.stack.t.app)
      .map(({ method, url }) => `${method} ${url}`)
      .filter((route) => route.split(' ')[1]?.startsWith('/v1/'))
      .filter((route) => !SHARED_ROUTES.includes(route))
    expect(PROBES.map((probe) => probe.route).sort()).toEqual(routes.sort())
  })

  it('each sees only their own data; the other’s ids answer 404', async () => {
    const users = [await newUser('alice'), await newUser('bob')]
    const calls = plan(users)

    const answers = await Promise.all(
      calls.map((call) => ts.stack.request(requestOf(call))),
    )

    for (const [i, call] of calls.entries()) {
      await expectAnswer(call, answers[i] as Response)
    }
    // Once the signers are done, every id an answer named has its owner.
    await waitUntilSettled(ts.stack.t.database.sql)
    await expectOnlyOwnData(users, calls, answers)
    await expectUntouched(users)
  }, 60_000)
})
