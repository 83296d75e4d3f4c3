import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { base64url, tamper } from './helpers/auth.js'
import { snapshotDatabase, waitUntilSettled } from './helpers/db-snapshot.js'
import { expectSafeAnswer } from './helpers/fuzz-answers.js'
import {
  bodyFor,
  headerText,
  HOSTILE_STRINGS,
  pathParam,
  queryFor,
  type FuzzBody,
} from './helpers/fuzz-inputs.js'
import {
  contractOf,
  listRoutes,
  type OpenApiDocument,
  type RouteContract,
  type RouteMethod,
} from './helpers/routes.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  fundedAccount,
  randomAddress,
  send,
  startTransactionStack,
  waitUntilFinal,
} from './helpers/transaction-stack.js'
import { createApiKey, readyWallet } from './helpers/wallet-stack.js'

// Inputs per route: the API's own routes get the most, since they reach
// the database, the queues and the node.
const API_RUNS = 100
const OTHER_RUNS = 15

const ts = await startTransactionStack({
  env: { RATE_LIMIT_MAX: '1000000', SEND_WAIT_MS: '0' },
})
const { stack } = ts
const sql = stack.t.database.sql
const routes = listRoutes(stack.t.app)
const document = (
  await stack.t.app.inject({ url: '/openapi.json' })
).json<OpenApiDocument>()

/** The ids a path may carry, the credentials, and the other user's data. */
let known: string[] = []
let credentials: fc.Arbitrary<string | undefined>
let foreign: string[] = []

beforeAll(async () => {
  await stack.signer()
  const owner = await fundedAccount(stack, '1')
  const sent = await send(stack, owner, randomAddress(), 1n)
  await waitUntilFinal(stack, owner.user, [sent.id])
  const [wallet] = await sql<{ id: string }[]>`
    select wallet_id as id from accounts where id = ${owner.accountId}`
  const [apiKey, spareKey, revokedKey] = await Promise.all(
    ['fuzz', 'spare', 'revoked'].map((name) =>
      createApiKey(stack, owner.user, name),
    ),
  )
  await stack.request({
    method: 'DELETE',
    url: `/v1/api-keys/${revokedKey?.id}`,
    headers: owner.user,
  })
  const other = await stack.signIn('other')
  const otherWallet = await readyWallet(stack, other)
  const otherAccount = otherWallet.accounts[0]

  known = [
    wallet?.id ?? '',
    owner.accountId,
    sent.id,
    spareKey?.id ?? '',
    otherWallet.id,
    otherAccount?.id ?? '',
  ]
  foreign = [otherWallet.id, otherAccount?.id ?? '', otherWallet.name]
  const token = owner.user.authorization.slice('Bearer '.length)
  credentials = authorizations(token, apiKey?.key ?? '', revokedKey?.key ?? '')
  await waitUntilSettled(sql)
})

afterAll(async () => {
  await stopAllSigners()
  await ts.close()
})

/** Mostly the owner's real credentials, else forged, broken or none. */
function authorizations(token: string, apiKey: string, revoked: string) {
  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${
    token.split('.')[1]
  }.`
  return fc.oneof(
    { arbitrary: fc.constant(`Bearer ${token}`), weight: 5 },
    { arbitrary: fc.constant(`Bearer ${apiKey}`), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        `Bearer ${tamper(token, (claims) => ({ ...claims, sub: 'other' }))}`,
        `Bearer ${tamper(token, (claims) => ({ ...claims, exp: 2 ** 40 }))}`,
        `Bearer ${unsigned}`,
        `Bearer ${revoked}`,
        `Bearer ${apiKey.slice(0, -2)}`,
        `Basic ${Buffer.from('admin:wrong').toString('base64')}`,
        'Bearer',
        `Bearer ${token} ${token}`,
      ),
      weight: 2,
    },
    { arbitrary: headerText.map((text) => `Bearer ${text}`), weight: 1 },
    { arbitrary: headerText, weight: 1 },
  )
}

/** A request to `route` with every part drawn at random. */
function requestFor(route: RouteMethod, contract: RouteContract | undefined) {
  // The catch-all route of preflight requests is `*`, with no slash.
  const path = route.url.startsWith('/') ? route.url : `/${route.url}`
  const segments = path.split(/(:\w+|\*)/)
  return fc
    .record({
      path: fc.tuple(
        ...segments.map((segment) =>
          /^(:\w+|\*)$/.test(segment) ? pathParam(known) : fc.constant(segment),
        ),
      ),
      query: queryFor(contract?.query ?? {}),
      authorization: credentials,
      idempotencyKey: fc.option(
        fc.oneof(headerText, fc.constantFrom(...HOSTILE_STRINGS.slice(0, 3))),
      ),
      body: bodyFor(contract?.body),
    })
    .map((parts): InjectOptions => {
      const headers: Record<string, string> = {}
      if (parts.authorization !== undefined) {
        headers.authorization = parts.authorization
      }
      if (parts.idempotencyKey !== null) {
        headers['idempotency-key'] = parts.idempotencyKey
      }
      const url = `${parts.path.join('')}${parts.query && `?${parts.query}`}`
      return {
        method: route.method,
        url,
        headers: { ...headers, ...contentHeaders(parts.body) },
        ...payloadOf(parts.body),
      }
    })
}

function contentHeaders(body: FuzzBody): Record<string, string> {
  if (body.kind === 'json') return { 'content-type': 'application/json' }
  return body.kind === 'raw' ? { 'content-type': body.contentType } : {}
}

function payloadOf(body: FuzzBody): Pick<InjectOptions, 'payload'> {
  if (body.kind === 'json') return { payload: JSON.stringify(body.value) }
  if (body.kind === 'raw') return { payload: body.payload }
  return {}
}

describe('every route, given hostile input', () => {
  it('finds the routes from the app itself', () => {
    expect(routes.length).toBeGreaterThan(20)
    expect(routes).toContainEqual({ method: 'POST', url: '/v1/wallets' })
  })

  it.each(routes)(
    '$method $url answers below 500, leaks nothing, keeps refusals out',
    async (route) => {
      const contract = contractOf(document, route)
      let wrote = false
      const property = fc.asyncProperty(
        requestFor(route, contract),
        async (request) => {
          if (wrote) await waitUntilSettled(sql)
          const before = await snapshotDatabase(sql)

          const response = await stack.t.app.inject(request)

          expectSafeAnswer(response, foreign)
          wrote = response.statusCode < 400 && request.method !== 'GET'
          if (response.statusCode >= 400) {
            expect(await snapshotDatabase(sql)).toEqual(before)
          }
        },
      )
      const numRuns = route.url.startsWith('/v1/') ? API_RUNS : OTHER_RUNS
      await fc.assert(property, { numRuns })
    },
    60_000,
  )
})
