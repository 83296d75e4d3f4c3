import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  queueConnection,
  queuePrefix,
} from '../src/shared/queues.js'
import {
  CustodyError,
  openChainKey,
  openSeed,
} from '../src/signer/custody/envelope.js'
import { unique } from './helpers/app.js'
import {
  expectedAddress,
  sealedWallet,
  storedChainKey,
  storedEntropy,
  walletSecrets,
} from './helpers/custody.js'
import {
  expectNoPlaintextSecrets,
  stackPlaces,
  stackSecrets,
} from './helpers/custody-checks.js'
import { findNeedles } from './helpers/secret-scan.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  createAccount,
  readyWallet,
  startWalletStack,
  waitForWallet,
  type WalletStack,
} from './helpers/wallet-stack.js'

let stack: WalletStack
beforeAll(async () => {
  stack = await startWalletStack()
  await stack.signer()
})
afterAll(async () => {
  await stopAllSigners()
  await stack?.close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Swaps one key column between two wallets, in PostgreSQL. */
async function swap(column: KeyColumn, a: string, b: string): Promise<void> {
  await stack.t.database.sql.unsafe(
    `update wallets set ${column} = case id
       when $1::uuid then (select ${column} from wallets where id = $2)
       else (select ${column} from wallets where id = $1) end
     where id in ($1, $2)`,
    [a, b],
  )
}

/** Flips the low bit of one byte of a key column. Twice restores it. */
async function flip(column: KeyColumn, id: string, at: number): Promise<void> {
  await stack.t.database.sql.unsafe(
    `update wallets set ${column} = set_byte(${column}, $2,
       get_byte(${column}, $2) # 1) where id = $1`,
    [id, at],
  )
}

const KEY_COLUMNS = [
  'seed_ciphertext',
  'chain_key_ciphertext',
  'wrapped_data_key',
] as const
type KeyColumn = (typeof KEY_COLUMNS)[number]

/** Which openers read each column, and so must notice its tampering. */
const READERS = {
  seed_ciphertext: ['seed'],
  chain_key_ciphertext: ['chain key'],
  wrapped_data_key: ['seed', 'chain key'],
} as const

/** The CustodyError code of opening a wallet's seed or chain key. */
async function openingError(
  walletId: string,
  what: 'seed' | 'chain key',
): Promise<string> {
  const sealed = await sealedWallet(stack.t.database.sql, walletId)
  const opener = what === 'seed' ? openSeed : openChainKey
  try {
    opener(stack.masterKey.key, walletId, sealed).fill(0)
    return 'opened'
  } catch (error) {
    if (error instanceof CustodyError) return error.code
    throw error
  }
}

describe('secrets at rest and in transit', () => {
  it('never show a seed, phrase or private key in plaintext', async () => {
    const users = [await stack.signIn(), await stack.signIn()]
    const wallets = await Promise.all(
      users.flatMap((user) => [
        readyWallet(stack, user),
        readyWallet(stack, {
          ...user,
          'idempotency-key': unique('scan'),
        }),
      ]),
    )
    for (const [i, wallet] of wallets.entries()) {
      const user = users[i >> 1] as Record<string, string>
      for (let n = 0; n < 3; n++) await createAccount(stack, user, wallet.id)
      await waitForWallet(stack, user, wallet.id)
    }

    const sql = stack.t.database.sql
    const places = await stackPlaces(stack)

    // The needles are the real secrets: the chain key the signer sealed is
    // the one derived independently from its seed.
    const [first] = wallets
    const firstId = first?.id ?? ''
    const chainKey = await storedChainKey(sql, stack.masterKey.key, firstId)
    const entropy = await storedEntropy(sql, stack.masterKey.key, firstId)
    expect(chainKey.equals(walletSecrets(entropy, 0).chainKey)).toBe(true)
    // The scan does see what it searches: addresses, ciphertexts, jobs.
    const ciphertext = (await sealedWallet(sql, firstId)).seedCiphertext
    expect(places.database).toContain(ciphertext.toString('hex'))
    expect(places.database).toContain(first?.accounts[0]?.address)
    expect(places.redis).toContain(`${ACCOUNT_DERIVE_QUEUE}:`)
    expect(places.signerOutput).toContain(first?.id)
    expect(await expectNoPlaintextSecrets(stack)).toBeGreaterThanOrEqual(4)
  })
})

describe('the scan for plaintext secrets', () => {
  it('finds a secret planted in each place it looks', async (context) => {
    // A stack of its own: what is planted here must not fail other scans.
    const planted = await startWalletStack()
    context.onTestFinished(() => planted.close())
    await planted.startSigner()
    const wallet = await readyWallet(planted, await planted.signIn())
    const sql = planted.t.database.sql
    const entropy = await storedEntropy(sql, planted.masterKey.key, wallet.id)
    const secrets = walletSecrets(entropy, 1)
    const words = secrets.phrase.split(' ')

    await sql`update wallets set name = ${words.slice(3, 9).join(', ')}
      where id = ${wallet.id}`
    await planted.redis.set(
      `${planted.redisPrefix}:x`,
      Buffer.from(secrets.seed),
    )
    const key = Buffer.from(secrets.privateKeys[0] ?? []).toString('base64url')
    planted.t.app.log.info({ note: key }, 'planted')
    planted.responses.push(words.slice(0, 6).join('\n'))

    const { needles } = await stackSecrets(planted)
    const places = await stackPlaces(planted)
    const found = (place: string) => findNeedles(places[place] ?? '', needles)
    expect(found('database')).toContain(`${wallet.id} phrase words 3..8`)
    expect(found('redis')).toContain(`${wallet.id} seed (hex)`)
    expect(found('apiLog')).toContain(
      `${wallet.id} account 0 private key (base64url)`,
    )
    expect(found('responses')).toContain(`${wallet.id} phrase words 0..5`)
    expect(found('signerOutput')).toEqual([])
    await expect(expectNoPlaintextSecrets(planted)).rejects.toThrow()
  })
})

describe('tampered key columns', () => {
  it('do not open when moved between wallets or altered', async () => {
    const user = await stack.signIn()
    const a = (await readyWallet(stack, user)).id
    const b = (await readyWallet(stack, user)).id
    const sql = stack.t.database.sql
    const entropy = await storedEntropy(sql, stack.masterKey.key, a)

    for (const column of KEY_COLUMNS) {
      const readers = READERS[column]
      await swap(column, a, b)
      for (const id of [a, b]) {
        for (const what of readers) {
          expect([column, what, await openingError(id, what)]).toEqual([
            column,
            what,
            'DECRYPTION_FAILED',
          ])
        }
      }
      await swap(column, a, b)

      const { length } = (await sealedWallet(sql, a))[columnKey(column)]
      for (const at of [0, 12, length >> 1, length - 1]) {
        await flip(column, a, at)
        for (const what of readers) {
          expect([column, at, await openingError(a, what)]).toEqual([
            column,
            at,
            'DECRYPTION_FAILED',
          ])
        }
        await flip(column, a, at)
      }
    }

    // Put back, everything opens again, to the same seed.
    expect(await openingError(a, 'chain key')).toBe('opened')
    expect(await openingError(b, 'seed')).toBe('opened')
    const again = await storedEntropy(sql, stack.masterKey.key, a)
    expect(again.equals(entropy)).toBe(true)
  })

  it('fail an account for good, and break nothing else', async () => {
    const signer = await stack.signer()
    const user = await stack.signIn()
    const a = await readyWallet(stack, user)
    const b = await readyWallet(stack, user)
    const c = await readyWallet(stack, user)
    await swap('chain_key_ciphertext', a.id, b.id)

    const broken = await createAccount(stack, user, a.id)
    const failed = await waitFor(
      async () => {
        const response = await stack.request({
          url: `/v1/accounts/${broken.id}`,
          headers: user,
        })
        const account = response.json<AccountView>()
        return account.status !== 'pending' && account
      },
      { message: 'the account to fail' },
    )

    expect(failed).toMatchObject({
      index: 1,
      status: 'failed',
      errorCode: 'DECRYPTION_FAILED',
      address: null,
    })
    // Longer than a retry's backoff and several reconciler passes.
    await sleep(2500)
    const attempts = stack
      .signerLogs()
      .filter((line) => line.jobId === broken.id && line.msg === 'job failed')
    expect(attempts).toEqual([
      expect.objectContaining({ permanent: true, attempt: 1 }),
    ])
    const queue = new Queue(ACCOUNT_DERIVE_QUEUE, {
      prefix: queuePrefix(stack.redisPrefix),
      connection: queueConnection(stack.redisUrl),
    })
    const job = await queue.getJob(broken.id)
    expect(await job?.getState()).toBe('failed')
    expect(job?.attemptsMade).toBe(1)
    await queue.close()

    // The signer lives on, other wallets work, and so does this one once
    // its key column is put back.
    expect(signer.process.exitCode).toBeNull()
    const fine = await createAccount(stack, user, c.id)
    await swap('chain_key_ciphertext', a.id, b.id)
    const mended = await createAccount(stack, user, a.id)
    const doneC = await waitForWallet(stack, user, c.id)
    const doneA = await waitForWallet(stack, user, a.id)

    expect(doneC.accounts.find((x) => x.id === fine.id)?.status).toBe('ready')
    expect(doneA.status).toBe('ready')
    expect(
      doneA.accounts.map(({ index, status, errorCode }) => ({
        index,
        status,
        errorCode,
      })),
    ).toEqual([
      { index: 0, status: 'ready', errorCode: null },
      { index: 1, status: 'failed', errorCode: 'DECRYPTION_FAILED' },
      { index: 2, status: 'ready', errorCode: null },
    ])
    const entropy = await storedEntropy(
      stack.t.database.sql,
      stack.masterKey.key,
      a.id,
    )
    const mendedAddress = doneA.accounts[2]?.address?.toLowerCase()
    expect(mended.index).toBe(2)
    expect(mendedAddress).toBe(expectedAddress(entropy, 2))
  })
})

function columnKey(column: KeyColumn) {
  const keys = {
    seed_ciphertext: 'seedCiphertext',
    chain_key_ciphertext: 'chainKeyCiphertext',
    wrapped_data_key: 'wrappedDataKey',
  } as const
  return keys[column]
}
