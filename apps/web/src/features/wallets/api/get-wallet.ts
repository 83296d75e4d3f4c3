import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { WalletWithAccounts } from '@/lib/api-types'

export function walletQueryKey(walletId: string) {
  return ['wallets', 'detail', walletId] as const
}

/** A wallet with its accounts, by index. */
export async function getWallet(walletId: string): Promise<WalletWithAccounts> {
  return dataOf(
    await api.GET('/v1/wallets/{id}', { params: { path: { id: walletId } } }),
  )
}

export function walletQueryOptions(walletId: string) {
  return queryOptions({
    queryKey: walletQueryKey(walletId),
    queryFn: () => getWallet(walletId),
    // Until the wallet and every account have their keys.
    refetchInterval: (query) => {
      const wallet = query.state.data
      const pending =
        wallet?.status === 'pending' ||
        wallet?.accounts.some((account) => account.status === 'pending')
      return pending ? 1000 : false
    },
  })
}

export function useWallet(walletId: string) {
  return useQuery(walletQueryOptions(walletId))
}
