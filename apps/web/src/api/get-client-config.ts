import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { ClientConfig } from '@/lib/api-types'

/** How to sign in, and which development features the server offers. */
export async function getClientConfig(): Promise<ClientConfig> {
  return dataOf(await api.GET('/v1/config'))
}

export function clientConfigQueryOptions() {
  return queryOptions({
    queryKey: ['client-config'],
    queryFn: getClientConfig,
    // Fixed while the server runs.
    staleTime: Infinity,
  })
}

export function useClientConfig() {
  return useQuery(clientConfigQueryOptions())
}
