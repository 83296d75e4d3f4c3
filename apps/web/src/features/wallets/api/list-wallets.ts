import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { WalletPage } from '@/lib/api-types'

export const WALLETS_KEY = ['wallets', 'list'] as const

const PAGE_SIZE = 20

/** A page of the person's wallets, newest first. */
export async function listWallets(cursor?: string): Promise<WalletPage> {
  return dataOf(
    await api.GET('/v1/wallets', {
      params: {
        query: { limit: PAGE_SIZE, ...(cursor !== undefined && { cursor }) },
      },
    }),
  )
}

export function walletsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: WALLETS_KEY,
    queryFn: ({ pageParam }) => listWallets(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A signer turns pending wallets ready within moments: look again
    // until none is left, so that the list updates by itself.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) =>
        page.data.some((wallet) => wallet.status === 'pending'),
      )
        ? 1000
        : false,
  })
}

export function useWallets() {
  return useInfiniteQuery(walletsQueryOptions())
}
