import type { ApiClient } from './client.js'
import type { CpuMeter } from './cpu.js'
import { runLoad, type LoadResult } from './load.js'

export interface RequestRunOptions {
  seconds: number
  connections: number
  meter?: CpuMeter
}

/** POST /v1/accounts/:id/sign-message at a fixed concurrency. */
export function signMessages(
  client: ApiClient,
  accountId: string,
  options: RequestRunOptions,
): Promise<LoadResult> {
  return runLoad({
    ...options,
    url: `${client.url}/v1/accounts/${accountId}/sign-message`,
    method: 'POST',
    headers: { authorization: client.authorization },
    body: { message: 'Custos benchmark' },
  })
}

/** GET /v1/wallets/:id at a fixed concurrency. */
export function readWallet(
  client: ApiClient,
  walletId: string,
  options: RequestRunOptions,
): Promise<LoadResult> {
  return runLoad({
    ...options,
    url: `${client.url}/v1/wallets/${walletId}`,
    headers: { authorization: client.authorization },
  })
}

/** GET / of a hello-world Fastify server at the same concurrency. */
export function readHelloWorld(
  url: string,
  options: RequestRunOptions,
): Promise<LoadResult> {
  return runLoad({ ...options, url })
}

/** The id of a ready wallet's account 0. */
export async function firstAccount(
  client: ApiClient,
  walletId: string,
): Promise<string> {
  const { data } = await client.request<{ data: { id: string }[] }>(
    'GET',
    `/v1/wallets/${walletId}/accounts`,
  )
  const account = data[0]
  if (!account) throw new Error(`wallet ${walletId} has no account`)
  return account.id
}
