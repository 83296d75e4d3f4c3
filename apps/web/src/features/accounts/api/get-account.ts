import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Account } from '@/lib/api-types'

export async function getAccount(accountId: string): Promise<Account> {
  return dataOf(
    await api.GET('/v1/accounts/{id}', { params: { path: { id: accountId } } }),
  )
}

export function accountQueryOptions(accountId: string) {
  return queryOptions({
    queryKey: ['accounts', 'detail', accountId],
    queryFn: () => getAccount(accountId),
    // A new account has no address until a signer derives it.
    refetchInterval: (query) =>
      query.state.data?.status === 'pending' ? 1000 : false,
  })
}

export function useAccount(accountId: string) {
  return useQuery(accountQueryOptions(accountId))
}
