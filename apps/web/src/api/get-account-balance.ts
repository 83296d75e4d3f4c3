import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Balance } from '@/lib/api-types'

/** Every balance query starts with this key; a send or funding resets them. */
export const BALANCES_KEY = ['balance'] as const

/** An account's balance on a chain, as the chain's node reports it. */
export async function getAccountBalance(
  accountId: string,
  chainId: number,
): Promise<Balance> {
  return dataOf(
    await api.GET('/v1/accounts/{id}/balance', {
      params: { path: { id: accountId }, query: { chainId } },
    }),
  )
}

export function accountBalanceQueryOptions(accountId: string, chainId: number) {
  return queryOptions({
    queryKey: [...BALANCES_KEY, accountId, chainId],
    queryFn: () => getAccountBalance(accountId, chainId),
    // Another sender may pay in at any time.
    refetchInterval: 15_000,
  })
}

export function useAccountBalance(
  accountId: string,
  chainId: number | undefined,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    ...accountBalanceQueryOptions(accountId, chainId ?? 0),
    enabled: enabled && chainId !== undefined,
  })
}
