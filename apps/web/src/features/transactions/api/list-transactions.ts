import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { TransactionPage } from '@/lib/api-types'

import { isInFlight } from './get-transaction'

const PAGE_SIZE = 10

export function transactionsKey(accountId: string) {
  return ['transactions', 'list', accountId] as const
}

/** A page of the transactions an account sent, newest first. */
export async function listTransactions(
  accountId: string,
  cursor?: string,
): Promise<TransactionPage> {
  return dataOf(
    await api.GET('/v1/accounts/{id}/transactions', {
      params: {
        path: { id: accountId },
        query: { limit: PAGE_SIZE, ...(cursor !== undefined && { cursor }) },
      },
    }),
  )
}

export function transactionsQueryOptions(accountId: string) {
  return infiniteQueryOptions({
    queryKey: transactionsKey(accountId),
    queryFn: ({ pageParam }) => listTransactions(accountId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.data.some(isInFlight))
        ? 2000
        : false,
  })
}

export function useTransactions(accountId: string) {
  return useInfiniteQuery(transactionsQueryOptions(accountId))
}
