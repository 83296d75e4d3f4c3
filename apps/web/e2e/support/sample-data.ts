import { parseEther } from 'viem'

import { devToken, eventually, succeed } from './api.js'

interface Account {
  id: string
  address: string | null
  status: string
}
interface Wallet {
  id: string
  status: string
  accounts: Account[]
}

/** The sample user's session, and where the picture-worthy things are. */
export interface SampleData {
  token: string
  walletId: string
  accountId: string
}

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>

/**
 * A user with something on every screen, made through the API: two
 * wallets, one with two accounts, a funded account with a confirmed send,
 * and two API keys, one of them revoked.
 */
export async function makeSampleData(user: string): Promise<SampleData> {
  const token = await devToken(user)
  const as: Call = (method, path, body) =>
    succeed(method, path, { token, body })

  await waitUntilReady(as, await createWallet(as, 'Payroll'))
  const walletId = await createWallet(as, 'Savings')
  await waitUntilReady(as, walletId)
  await as('POST', `/v1/wallets/${walletId}/accounts`, { name: 'Spending' })
  const [first, second] = (await waitUntilReady(as, walletId)).accounts
  if (!first?.address || !second?.address) throw new Error('no addresses')

  await as('POST', '/v1/dev/faucet', { address: first.address })
  await sendAndConfirm(as, first.id, second.address, '1.25')
  await as('POST', '/v1/api-keys', { name: 'Billing service' })
  const old = await as<{ id: string }>('POST', '/v1/api-keys', {
    name: 'Old reporting job',
  })
  await as('DELETE', `/v1/api-keys/${old.id}`)
  return { token, walletId, accountId: first.id }
}

async function createWallet(as: Call, name: string): Promise<string> {
  return (await as<Wallet>('POST', '/v1/wallets', { name })).id
}

/** The wallet, once a signer has made it and all its accounts. */
function waitUntilReady(as: Call, walletId: string): Promise<Wallet> {
  return eventually(async () => {
    const wallet = await as<Wallet>('GET', `/v1/wallets/${walletId}`)
    const pending = [wallet, ...wallet.accounts].some(
      (item) => item.status === 'pending',
    )
    return pending ? undefined : wallet
  }, `wallet ${walletId} to be ready`)
}

async function sendAndConfirm(
  as: Call,
  accountId: string,
  to: string,
  ether: string,
): Promise<void> {
  const sent = await as<{ id: string }>(
    'POST',
    `/v1/accounts/${accountId}/transactions`,
    { to, value: parseEther(ether).toString() },
  )
  await eventually(async () => {
    const { status } = await as<{ status: string }>(
      'GET',
      `/v1/transactions/${sent.id}`,
    )
    return status === 'confirmed' ? status : undefined
  }, `send ${sent.id} to be confirmed`)
}
