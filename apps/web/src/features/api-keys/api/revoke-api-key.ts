import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { ApiKey } from '@/lib/api-types'

import { API_KEYS_KEY } from './list-api-keys'

/** Revokes an API key; it stops working at once. */
export async function revokeApiKey(keyId: string): Promise<ApiKey> {
  return dataOf(
    await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: keyId } } }),
  )
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  })
}
