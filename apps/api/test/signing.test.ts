import type { LightMyRequestResponse as Response } from 'fastify'
import {
  isAddressEqual,
  recoverMessageAddress,
  type Address,
  type Hex,
} from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import { ACCOUNT_SIGN_QUEUE, queuePrefix } from '../src/shared/queues.js'
import { openAccountKey } from '../src/signer/custody/envelope.js'
import { bearer, devToken, startTestApp, unique } from './helpers/app.js'
import { addressOf } from './helpers/custody.js'
import { expectError } from './helpers/http.js'
import { dumpKeysUnder } from './helpers/redis.js'
import { byteNeedles, findNeedles } from './helpers/secret-scan.js'
import { stopAllSigners } from './helpers/signer.js'
import {
  createAccount,
  createApiKey,
  createWallet,
  readyWallet,
  startWalletStack,
  waitForWallet,
  type WalletStack,
} from './helpers/wallet-stack.js'
import { mailTypedData, permitTypedData } from './helpers/typed-data.js'

type Headers = Record<string, string>

let stack: WalletStack

beforeAll(async () => {
  stack = await startWalletStack()
})
afterAll(async () => {
  await stopAllSigners()
  await stack?.close()
})

function signMessage(headers: Headers, accountId: string, message: unknown) {
  return stack.request({
    method: 'POST',
    url: `/v1/accounts/${accountId}/sign-message`,
    headers,
    payload: { message },
  })
}

function signTypedData(headers: Headers, accountId: string, body: unknown) {
  return stack.request({
    method: 'POST',
    url: `/v1/accounts/${accountId}/sign-typed-data`,
    headers,
    payload: body as object,
  })
}

function signatureOf(response: Response): Hex {
  expect(response.statusCode).toBe(200)
  const { signature } = response.json<{ signature: Hex }>()
  expect(signature).toMatch(/^0x[0-9a-f]{128}(1b|1c)$/)
  return signature
}

/**
 * A ready wallet's account 0, and its owner: a new user of the
 * development issuer, `sub`, who can sign in to another test app too.
 */
async function readyAccount(sub = unique('user')) {
  await stack.signer()
  const user = bearer(await devToken(stack.t.app, sub))
  const wallet = await readyWallet(stack, user)
  return { user, account: wallet.accounts[0] as AccountView }
}

function addressOfAccount(account: AccountView): Address {
  return account.address as Address
}

/** Sign jobs waiting in Redis for a signer. */
function waitingSignJobs(): Promise<number> {
  const queue = `${queuePrefix(stack.redisPrefix)}:${ACCOUNT_SIGN_QUEUE}`
  return stack.redis.llen(`${queue}:wait`)
}

/**
 * The private key of every ready account of the file's database, opened
 * with the test's master key, each checked against the account's address.
 */
async function signingKeys(): Promise<{ id: string; key: Buffer }[]> {
  const rows = await stack.t.database.sql<
    {
      id: string
      address: string
      walletId: string
      index: number
      keyCiphertext: Buffer
      keyVersion: number
      masterKeyId: string
      wrappedDataKey: Buffer
    }[]
  >`
    select a.id, a.address, a.wallet_id as "walletId", a.index,
      a.key_ciphertext as "keyCiphertext", w.key_version as "keyVersion",
      w.master_key_id as "masterKeyId",
      w.wrapped_data_key as "wrappedDataKey"
    from accounts a join wallets w on w.id = a.wallet_id
    where a.status = 'ready'`
  return rows.map((row) => {
    const key = openAccountKey(
      stack.masterKey.key,
      row.walletId,
      row.index,
      row,
    )
    expect(addressOf(key)).toBe(row.address.toLowerCase())
    return { id: row.id, key }
  })
}

describe('POST /v1/accounts/:id/sign-message', () => {
  it('signs text that recovers to the account, the same each time', async () => {
    const { user, account } = await readyAccount()
    const message = unique('Sign in to Example')

    const first = signatureOf(await signMessage(user, account.id, message))
    const again = signatureOf(await signMessage(user, account.id, message))

    const signer = await recoverMessageAddress({ message, signature: first })
    expect(isAddressEqual(signer, addressOfAccount(account))).toBe(true)
    // RFC 6979: one key and one message make one signature.
    expect(again).toBe(first)
  })

  it('signs raw bytes as bytes, not as their hex text', async () => {
    const { user, account } = await readyAccount()
    const raw: Hex = '0xdeadbeef00ff'

    const signature = signatureOf(await signMessage(user, account.id, { raw }))
    const asText = signatureOf(await signMessage(user, account.id, raw))

    const signer = await recoverMessageAddress({
      message: { raw },
      signature,
    })
    expect(isAddressEqual(signer, addressOfAccount(account))).toBe(true)
    expect(asText).not.toBe(signature)
  })

  it('signs with each account its own key', async () => {
    const { user, account } = await readyAccount()
    const second = await createAccount(stack, user, account.walletId)
    const wallet = await waitForWallet(stack, user, account.walletId)
    const accounts = wallet.accounts
    expect(accounts.map((a) => a.id)).toEqual([account.id, second.id])
    const message = 'one message, two accounts'

    const signatures = await Promise.all(
      accounts.map(async (a) =>
        signatureOf(await signMessage(user, a.id, message)),
      ),
    )

    expect(signatures[0]).not.toBe(signatures[1])
    for (const [index, a] of accounts.entries()) {
      const signer = await recoverMessageAddress({
        message,
        signature: signatures[index] as Hex,
      })
      expect(isAddressEqual(signer, addressOfAccount(a))).toBe(true)
    }
  })

  it('refuses malformed, empty and oversized messages', async () => {
    const { user, account } = await readyAccount()
    const messages = [
      '',
      'x'.repeat(65_537),
      { raw: '0x' },
      { raw: '0x123' },
      { raw: 'deadbeef' },
      { raw: '0xzz' },
      { raw: `0x${'ab'.repeat(65_537)}` },
      { text: 'hello' },
      { raw: '0x00', text: 'hello' },
      42,
      null,
    ]

    for (const message of messages) {
      const response = await signMessage(user, account.id, message)
      expectError(response, 400, 'VALIDATION_FAILED')
    }
    const extra = await stack.request({
      method: 'POST',
      url: `/v1/accounts/${account.id}/sign-message`,
      headers: user,
      payload: { message: 'hello', chainId: 1 },
    })
    expectError(extra, 400, 'VALIDATION_FAILED')
    // The largest message of each kind is accepted.
    signatureOf(await signMessage(user, account.id, 'x'.repeat(65_536)))
    signatureOf(
      await signMessage(user, account.id, { raw: `0x${'ab'.repeat(65_536)}` }),
    )
  })

  it('signs with an API key as with a sign-in token', async () => {
    const { user, account } = await readyAccount()
    const apiKey = bearer((await createApiKey(stack, user)).key)

    const message = 'signed through an API key'
    const signature = signatureOf(
      await signMessage(apiKey, account.id, message),
    )
    const typed = signatureOf(
      await signTypedData(apiKey, account.id, mailTypedData().json),
    )

    const signer = await recoverMessageAddress({ message, signature })
    expect(isAddressEqual(signer, addressOfAccount(account))).toBe(true)
    expect(typed).toMatch(/^0x/)
  })
})

describe('POST /v1/accounts/:id/sign-typed-data', () => {
  it('signs EIP-712 mail with nested structs', async () => {
    const { user, account } = await readyAccount()
    const sample = mailTypedData()

    const signature = signatureOf(
      await signTypedData(user, account.id, sample.json),
    )

    const address = addressOfAccount(account)
    expect(await sample.verify(address, signature)).toBe(true)
  })

  it('signs a permit whose uint256 values are decimal strings', async () => {
    const { user, account } = await readyAccount()
    const address = addressOfAccount(account)
    const sample = permitTypedData(address)

    const signature = signatureOf(
      await signTypedData(user, account.id, sample.json),
    )

    // Verified with the values as bigints: the strings meant the numbers.
    expect(await sample.verify(address, signature)).toBe(true)
  })

  it('refuses typed data that cannot be hashed, with a stable code', async () => {
    const { user, account } = await readyAccount()
    const { json } = mailTypedData()
    const { message } = json
    const invalid = [
      { ...json, primaryType: 'Letter' },
      { ...json, message: { ...message, to: { name: 'Bob', wallet: 'bob' } } },
      { ...json, message: { ...message, contents: 42 } },
      { ...json, message: { from: message.from, to: message.to } },
      {
        ...json,
        types: { ...json.types, Mail: [{ name: 'x', type: 'uint7' }] },
        message: { x: 1 },
      },
    ]
    const malformed = [
      { ...json, types: undefined },
      { ...json, domain: { ...json.domain, chainId: 'one' } },
      { ...json, domain: { ...json.domain, extra: true } },
      { ...json, types: { Mail: [{ name: 'x' }] } },
    ]

    for (const body of invalid) {
      const response = await signTypedData(user, account.id, body)
      expectError(response, 400, 'INVALID_TYPED_DATA')
    }
    for (const body of malformed) {
      const response = await signTypedData(user, account.id, body)
      expectError(response, 400, 'VALIDATION_FAILED')
    }
  })
})

describe('whose account, and which', () => {
  it("answers another user's account as not found", async () => {
    const { account } = await readyAccount()
    const other = await stack.signIn()
    const unknown = '00000000-0000-4000-8000-000000000000'

    for (const id of [account.id, unknown]) {
      expectError(
        await signMessage(other, id, 'hello'),
        404,
        'ACCOUNT_NOT_FOUND',
      )
      const typed = await signTypedData(other, id, mailTypedData().json)
      expectError(typed, 404, 'ACCOUNT_NOT_FOUND')
    }
  })

  it('refuses a pending account without queueing anything', async () => {
    const { user, account } = await readyAccount()
    await stack.stopSigners()
    const pending = await createAccount(stack, user, account.walletId)
    const pendingWallet = await createWallet(stack, user)
    const [pendingZero] = await stack.t.database.sql<{ id: string }[]>`
      select id from accounts where wallet_id = ${pendingWallet}`
    expect(pending.status).toBe('pending')

    for (const id of [pending.id, pendingZero?.id ?? '']) {
      const message = await signMessage(user, id, 'hello')
      const typed = await signTypedData(user, id, mailTypedData().json)
      expectError(message, 409, 'ACCOUNT_NOT_READY')
      expectError(typed, 409, 'ACCOUNT_NOT_READY')
    }
    expect(await waitingSignJobs()).toBe(0)
  })
})

describe('when no signer answers', () => {
  it('answers 503 SIGNER_UNAVAILABLE after SIGN_TIMEOUT_MS', async () => {
    const sub = unique('impatient')
    const { account } = await readyAccount(sub)
    await stack.stopSigners()
    const impatient = await startTestApp({
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      REDIS_PREFIX: stack.redisPrefix,
      SIGN_TIMEOUT_MS: '1000',
    })
    try {
      const user = bearer(await devToken(impatient.app, sub))

      const started = Date.now()
      const response = await impatient.app.inject({
        method: 'POST',
        url: `/v1/accounts/${account.id}/sign-message`,
        headers: user,
        payload: { message: 'is anyone there?' },
      })

      expectError(response, 503, 'SIGNER_UNAVAILABLE')
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(Date.now() - started).toBeLessThan(5000)
      // The abandoned job was taken back: no signer signs it later.
      expect(await waitingSignJobs()).toBe(0)
    } finally {
      await impatient.close()
    }
  })

  it('answers 503 SERVICE_UNAVAILABLE at once while Redis is away', async () => {
    const sub = unique('offline')
    const { account } = await readyAccount(sub)
    const offline = await startTestApp({
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: 'redis://127.0.0.1:1',
    })
    try {
      const user = bearer(await devToken(offline.app, sub))

      const started = Date.now()
      const response = await offline.app.inject({
        method: 'POST',
        url: `/v1/accounts/${account.id}/sign-message`,
        headers: user,
        payload: { message: 'hello' },
      })

      expectError(response, 503, 'SERVICE_UNAVAILABLE')
      expect(Date.now() - started).toBeLessThan(3000)
    } finally {
      await offline.close()
    }
  })
})

describe('when the signer fails the job', () => {
  it('answers 500 and logs the code, not the cause', async () => {
    const { user, account } = await readyAccount()
    const sql = stack.t.database.sql
    const [row] = await sql<{ sealed: Buffer }[]>`
      select key_ciphertext as sealed from accounts where id = ${account.id}`
    const sealed = row?.sealed ?? Buffer.alloc(0)
    const tampered = Buffer.from(sealed)
    tampered[20] = (tampered[20] ?? 0) ^ 1
    await sql`
      update accounts set key_ciphertext = ${tampered} where id = ${account.id}`

    try {
      const response = await signMessage(user, account.id, 'hello')
      expectError(response, 500, 'INTERNAL_ERROR')
    } finally {
      await sql`
        update accounts set key_ciphertext = ${sealed} where id = ${account.id}`
    }
    const failed = stack.t.logs.find((line) => line.msg === 'sign job failed')
    expect(failed).toMatchObject({
      queue: ACCOUNT_SIGN_QUEUE,
      code: 'DECRYPTION_FAILED',
    })
  })
})

describe('secrets', () => {
  it('never shows a signing key or a message in logs, Redis or answers', async () => {
    const { user, account } = await readyAccount()
    const marker = unique('confidential-memo')
    signatureOf(await signMessage(user, account.id, marker))
    await stack.stopSigners()

    const keys = await signingKeys()
    const needles = keys.flatMap(({ id, key }) =>
      byteNeedles(`account ${id} private key`, key),
    )
    expect(keys.length).toBeGreaterThan(5)
    expect(keys.map(({ id }) => id)).toContain(account.id)
    const redis = await dumpKeysUnder(stack.redis, stack.redisPrefix)

    expect(findNeedles(stack.t.logText(), needles)).toEqual([])
    expect(findNeedles(stack.signerOutput(), needles)).toEqual([])
    expect(findNeedles(redis, needles)).toEqual([])
    expect(findNeedles(stack.responses.join('\n'), needles)).toEqual([])
    expect(stack.t.logText()).not.toContain(marker)
    expect(stack.signerOutput()).not.toContain(marker)
  })
})
