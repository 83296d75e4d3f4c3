import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify'
import { recoverMessageAddress, type Address, type Hex } from 'viem'
import { expect } from 'vitest'

import { unique } from './app.js'
import { mailTypedData } from './typed-data.js'

/** A user with one of everything, reachable by sign-in token or API key. */
export interface ProbedUser {
  /** Starts every name this user gives, so a stray write shows whose. */
  label: string
  id: string
  credentials: Record<CredentialKind, { authorization: string }>
  walletId: string
  accountId: string
  address: Address
  transactionId: string
  /** Where this user's sends go. */
  recipient: Address
  /** Revoked by its owner, again and again. */
  spareKeyId: string
  /** Asked to be revoked by the other user only: must stay valid. */
  keptKeyId: string
}

export type CredentialKind = 'token' | 'api-key'
export const CREDENTIAL_KINDS: CredentialKind[] = ['token', 'api-key']

/** One route, asked for by `caller` about `target`'s data. */
export interface Probe {
  /** As the app's route table names it: `GET /v1/wallets/:id`. */
  route: string
  request(target: ProbedUser, caller: ProbedUser): InjectOptions
  /** The status the owner is answered with. */
  own: number
  /** Another status for an owner who uses an API key. */
  ownByApiKey?: number
  /** The 404 code another user gets; absent where no id is given. */
  foreign?: string
  /** More checks of the owner's answer. */
  check?(response: Response, owner: ProbedUser): Promise<void>
}

const mail = mailTypedData()

function probe(
  route: string,
  path: (user: ProbedUser) => string,
  rest: Omit<Probe, 'route' | 'request'> & {
    body?: (caller: ProbedUser) => Record<string, unknown>
  },
): Probe {
  const [method = 'GET'] = route.split(' ')
  const { body, ...expected } = rest
  return {
    route,
    request: (target, caller) => ({
      method,
      url: path(target),
      ...(body && { payload: body(caller) }),
    }),
    ...expected,
  }
}

const wallet = (user: ProbedUser) => `/v1/wallets/${user.walletId}`
const account = (user: ProbedUser) => `/v1/accounts/${user.accountId}`
const named = (kind: string) => (caller: ProbedUser) => ({
  name: unique(`${caller.label}-${kind}`),
})
const WALLET = 'WALLET_NOT_FOUND'
const ACCOUNT = 'ACCOUNT_NOT_FOUND'

/** Every route that reads or writes a user's data, with what it answers. */
export const PROBES: Probe[] = [
  probe('GET /v1/me', () => '/v1/me', {
    own: 200,
    check: async (response, owner) =>
      expect(response.json<{ id: string }>().id).toBe(owner.id),
  }),
  probe('GET /v1/wallets', () => '/v1/wallets?limit=100', { own: 200 }),
  probe('POST /v1/wallets', () => '/v1/wallets', {
    own: 202,
    body: named('wallet'),
  }),
  probe('GET /v1/wallets/:id', wallet, { own: 200, foreign: WALLET }),
  probe('PATCH /v1/wallets/:id', wallet, {
    own: 200,
    foreign: WALLET,
    body: named('wallet'),
  }),
  probe('POST /v1/wallets/:id/accounts', (u) => `${wallet(u)}/accounts`, {
    own: 202,
    foreign: WALLET,
    body: named('account'),
  }),
  probe(
    'POST /v1/wallets/:id/accounts/batch',
    (u) => `${wallet(u)}/accounts/batch`,
    { own: 202, foreign: WALLET, body: () => ({ count: 2 }) },
  ),
  probe('GET /v1/wallets/:id/accounts', (u) => `${wallet(u)}/accounts`, {
    own: 200,
    foreign: WALLET,
  }),
  probe('GET /v1/accounts/:id', account, { own: 200, foreign: ACCOUNT }),
  probe('PATCH /v1/accounts/:id', account, {
    own: 200,
    foreign: ACCOUNT,
    body: named('account'),
  }),
  probe('GET /v1/accounts/:id/balance', (u) => `${account(u)}/balance`, {
    own: 200,
    foreign: ACCOUNT,
  }),
  probe(
    'POST /v1/accounts/:id/transactions',
    (u) => `${account(u)}/transactions`,
    {
      own: 202,
      foreign: ACCOUNT,
      body: (caller) => ({ to: caller.recipient, value: '1' }),
    },
  ),
  probe(
    'POST /v1/accounts/:id/transactions/estimate',
    (u) => `${account(u)}/transactions/estimate`,
    {
      own: 200,
      foreign: ACCOUNT,
      body: (caller) => ({ to: caller.recipient, value: '1' }),
    },
  ),
  probe(
    'GET /v1/accounts/:id/transactions',
    (u) => `${account(u)}/transactions?limit=100`,
    { own: 200, foreign: ACCOUNT },
  ),
  probe(
    'GET /v1/transactions/:id',
    (u) => `/v1/transactions/${u.transactionId}`,
    { own: 200, foreign: 'TRANSACTION_NOT_FOUND' },
  ),
  probe(
    'POST /v1/accounts/:id/sign-message',
    (u) => `${account(u)}/sign-message`,
    {
      own: 200,
      foreign: ACCOUNT,
      body: (caller) => ({ message: `${caller.label} signs` }),
      check: async (response, owner) => {
        const signature = response.json<{ signature: Hex }>().signature
        const message = `${owner.label} signs`
        // Signed with the owner's own key, whoever else was signing then.
        expect(await recoverMessageAddress({ message, signature })).toBe(
          owner.address,
        )
      },
    },
  ),
  probe(
    'POST /v1/accounts/:id/sign-typed-data',
    (u) => `${account(u)}/sign-typed-data`,
    {
      own: 200,
      foreign: ACCOUNT,
      body: () => mail.json,
      check: async (response, owner) => {
        const signature = response.json<{ signature: Hex }>().signature
        expect(await mail.verify(owner.address, signature)).toBe(true)
      },
    },
  ),
  probe('GET /v1/api-keys', () => '/v1/api-keys', { own: 200 }),
  probe('POST /v1/api-keys', () => '/v1/api-keys', {
    own: 201,
    // Only a signed-in user may make keys: a leaked key cannot breed.
    ownByApiKey: 403,
    body: named('key'),
  }),
  {
    route: 'DELETE /v1/api-keys/:id',
    request: (target, caller) => ({
      method: 'DELETE',
      url: `/v1/api-keys/${
        target === caller ? target.spareKeyId : target.keptKeyId
      }`,
    }),
    own: 200,
    foreign: 'API_KEY_NOT_FOUND',
  },
]
