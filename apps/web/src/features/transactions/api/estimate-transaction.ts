import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Estimate, SendRequest } from '@/lib/api-types'

/**
 * What a send would cost now, checked as the send would be (funds, would
 * it revert), recording nothing.
 */
export async function estimateTransaction(
  accountId: string,
  request: SendRequest,
): Promise<Estimate> {
  return dataOf(
    await api.POST('/v1/accounts/{id}/transactions/estimate', {
      params: { path: { id: accountId } },
      body: request,
    }),
  )
}

export function estimateQueryOptions(accountId: string, request: SendRequest) {
  return queryOptions({
    queryKey: ['transactions', 'estimate', accountId, request],
    queryFn: () => estimateTransaction(accountId, request),
    staleTime: 0,
    // Fees move with every block; keep the review's figure current.
    refetchInterval: 15_000,
  })
}

export function useEstimate(accountId: string, request: SendRequest) {
  return useQuery(estimateQueryOptions(accountId, request))
}
