import { QueryClient } from '@tanstack/react-query'

import { ApiError } from './api-error'

// Asking again will not turn these into a success.
function isWorthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false
  return error.status === 0 || error.status >= 500
}

/** One cache of server data per page load, with the UI's defaults. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => failures < 2 && isWorthRetrying(error),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  })
}
