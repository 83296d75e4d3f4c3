import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { ApiKey } from '@/lib/api-types'

export const API_KEYS_KEY = ['api-keys'] as const

/** The person's API keys, newest first; never their secrets. */
export async function listApiKeys(): Promise<ApiKey[]> {
  return dataOf(await api.GET('/v1/api-keys')).data
}

export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: API_KEYS_KEY, queryFn: listApiKeys })
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions())
}
