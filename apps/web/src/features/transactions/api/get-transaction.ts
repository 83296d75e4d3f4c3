import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Transaction } from '@/lib/api-types'

export function transactionQueryKey(transactionId: string) {
  return ['transactions', 'detail', transactionId] as const
}

export async function getTransaction(
  transactionId: string,
): Promise<Transaction> {
  return dataOf(
    await api.GET('/v1/transactions/{id}', {
      params: { path: { id: transactionId } },
    }),
  )
}

/** Whether a transaction is still on its way (queued or submitted). */
export function isInFlight(transaction: Pick<Transaction, 'status'>): boolean {
  return transaction.status === 'queued' || transaction.status === 'submitted'
}

export function transactionQueryOptions(transactionId: string) {
  return queryOptions({
    queryKey: transactionQueryKey(transactionId),
    queryFn: () => getTransaction(transactionId),
    // Followed live until it is confirmed or failed.
    refetchInterval: (query) =>
      query.state.data && isInFlight(query.state.data) ? 1000 : false,
  })
}

export function useTransaction(transactionId: string) {
  return useQuery(transactionQueryOptions(transactionId))
}
