import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AccountView } from '../src/server/accounts/schemas.js'
import type { TransactionView } from '../src/server/transactions/schemas.js'
import {
  ACCOUNT_DERIVE_QUEUE,
  queuePrefix,
  TRANSACTION_SEND_QUEUE,
  WALLET_CREATE_QUEUE,
} from '../src/shared/queues.js'
import { startAnvil, type TestAnvil } from './helpers/anvil.js'
import {
  doneCounts,
  expectAccounts,
  expectNoPlaintextSecrets,
  expectOneSeedEach,
  waitUntilReady,
} from './helpers/custody-checks.js'
import { expectError } from './helpers/http.js'
import {
  canStartRedis,
  startPrivateRedis,
  type PrivateRedis,
} from './helpers/redis.js'
import { stopAllSigners, waitFor } from './helpers/signer.js'
import {
  expectAllMinedOnce,
  fundedAccount,
  postTransaction,
  randomAddress,
  send,
  sendMany,
  waitUntilFinal,
} from './helpers/transaction-stack.js'
import {
  createAccount,
  createWallet,
  readyWallet,
  startWalletStack,
  type WalletStack,
} from './helpers/wallet-stack.js'

// Restarting a server on the same port needs a redis-server of the test's
// own: the shared one serves every other file of the run.
describe.skipIf(!canStartRedis())('Redis lost with work pending', () => {
  let redis: PrivateRedis
  let anvil: TestAnvil
  let stack: WalletStack
  beforeAll(async () => {
    redis = await startPrivateRedis({ keepData: true })
    anvil = await startAnvil()
    stack = await startWalletStack({
      redisUrl: redis.url,
      env: {
        RPC_URL: anvil.rpcUrl,
        TRACK_INTERVAL_MS: '100',
        // Sends answer at once, queued, whether a signer runs or not.
        SEND_WAIT_MS: '0',
      },
    })
  })
  afterAll(async () => {
    await stopAllSigners()
    await stack?.close()
    await redis?.stop()
    await anvil?.stop()
  })

  function readiness() {
    return stack.request({ url: '/readyz' })
  }

  it('restarted: 503 meanwhile, then one signer finishes everything', async () => {
    const signer = await stack.startSigner()
    const owner = await fundedAccount(stack)
    const wallet = await readyWallet(stack, owner.user)
    const before = await Promise.all(
      Array.from({ length: 10 }, () => createWallet(stack, owner.user)),
    )

    await redis.shutdown()

    const notReady = await readiness()
    expect(notReady.statusCode).toBe(503)
    expect(notReady.json()).toMatchObject({
      error: { code: 'NOT_READY' },
      checks: { database: 'ok', migrations: 'ok', redis: 'failed' },
    })
    const during = await Promise.all(
      Array.from({ length: 5 }, () => createWallet(stack, owner.user)),
    )
    const accounts: AccountView[] = []
    for (let n = 0; n < 3; n++) {
      accounts.push(await createAccount(stack, owner.user, wallet.id))
    }
    const signing = await stack.request({
      method: 'POST',
      url: `/v1/accounts/${owner.accountId}/sign-message`,
      headers: owner.user,
      payload: { message: 'while Redis is away' },
    })
    expectError(signing, 503, 'SERVICE_UNAVAILABLE')
    const sent = await postTransaction(stack, owner, {
      to: randomAddress(),
      value: '1000',
    })
    expect(sent.statusCode).toBe(202)
    expect(sent.json<TransactionView>()).toMatchObject({
      status: 'queued',
      hash: null,
    })
    const listed = await stack.request({
      url: '/v1/wallets?limit=100',
      headers: owner.user,
    })
    expect(listed.statusCode).toBe(200)

    await redis.start()

    await waitFor(async () => (await readiness()).statusCode === 200, {
      message: 'the API to be ready again',
    })
    const walletIds = [...before, ...during]
    await waitUntilReady(stack, WALLET_CREATE_QUEUE, walletIds)
    const accountIds = accounts.map((account) => account.id)
    await waitUntilReady(stack, ACCOUNT_DERIVE_QUEUE, accountIds)
    const [final] = await waitUntilFinal(stack, owner.user, [
      sent.json<TransactionView>().id,
    ])
    expect(final?.status).toBe('confirmed')

    await expectOneSeedEach(stack, walletIds)
    await expectAccounts(stack, wallet.id, 3)
    const signed = await stack.request({
      method: 'POST',
      url: `/v1/accounts/${owner.accountId}/sign-message`,
      headers: owner.user,
      payload: { message: 'Redis is back' },
    })
    expect(signed.statusCode).toBe(200)
    // The same signer did it all: it outlived the outage.
    expect(signer.process.exitCode).toBeNull()
    expect(signer.process.signalCode).toBeNull()
    expect(await expectNoPlaintextSecrets(stack)).toBeGreaterThanOrEqual(17)
  }, 120_000)

  it('flushed: all work done once, signing and sending go on', async () => {
    await stack.stopSigners()
    await stack.startSigner()
    const owner = await fundedAccount(stack)
    const wallet = await readyWallet(stack, owner.user)
    await stack.stopSigners()

    const walletIds = await Promise.all(
      Array.from({ length: 5 }, () => createWallet(stack, owner.user)),
    )
    const accounts: AccountView[] = []
    for (let n = 0; n < 3; n++) {
      accounts.push(await createAccount(stack, owner.user, wallet.id))
    }
    const batch = await sendMany(stack, owner, 4)
    const queues = queuePrefix(stack.redisPrefix)
    const jobKeys = [
      ...walletIds.map((id) => `${queues}:${WALLET_CREATE_QUEUE}:${id}`),
      ...accounts.map(({ id }) => `${queues}:${ACCOUNT_DERIVE_QUEUE}:${id}`),
      ...batch.ids.map((id) => `${queues}:${TRANSACTION_SEND_QUEUE}:${id}`),
    ]
    expect(await stack.redis.exists(...jobKeys)).toBe(jobKeys.length)

    expect(await stack.redis.flushall()).toBe('OK')
    expect(await stack.redis.exists(...jobKeys)).toBe(0)

    expect((await readiness()).statusCode).toBe(200)
    // Work asked for after the flush goes through the emptied queues.
    walletIds.push(await createWallet(stack, owner.user))
    const late = await send(stack, owner, batch.to, 1004n)
    batch.values.push(1004n)
    batch.ids.push(late.id)
    await stack.startSigner()

    await waitUntilReady(stack, WALLET_CREATE_QUEUE, walletIds)
    const accountIds = accounts.map((account) => account.id)
    await waitUntilReady(stack, ACCOUNT_DERIVE_QUEUE, accountIds)
    const final = await waitUntilFinal(stack, owner.user, batch.ids)

    await expectOneSeedEach(stack, walletIds)
    await expectAccounts(stack, wallet.id, 3)
    await expectAllMinedOnce(anvil, owner, batch, final, 0)
    const ids = [...walletIds, ...accountIds, ...batch.ids]
    expect(doneCounts(stack, ids)).toEqual(ids.map(() => 1))
    const signed = await stack.request({
      method: 'POST',
      url: `/v1/accounts/${owner.accountId}/sign-message`,
      headers: owner.user,
      payload: { message: 'after the flush' },
    })
    expect(signed.statusCode, signed.body).toBe(200)
    expect(await expectNoPlaintextSecrets(stack)).toBeGreaterThanOrEqual(8)
  }, 120_000)
})
