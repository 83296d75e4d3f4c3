import { queryOptions, useQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { User } from '@/lib/api-types'

/** The signed-in user, as the API knows them. */
export async function getMe(): Promise<User> {
  return dataOf(await api.GET('/v1/me'))
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: ['me'],
    queryFn: getMe,
    staleTime: 5 * 60_000,
  })
}

export function useMe() {
  return useQuery(meQueryOptions())
}
