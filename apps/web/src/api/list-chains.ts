import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Chain } from '@/lib/api-types'

/** The chains the server acts on; the first is its default. */
export async function listChains(): Promise<Chain[]> {
  return dataOf(await api.GET('/v1/chains')).data
}

export function chainsQueryOptions() {
  return queryOptions({
    queryKey: ['chains'],
    queryFn: listChains,
    staleTime: 5 * 60_000,
  })
}

export function useChains() {
  return useQuery(chainsQueryOptions())
}
