import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { NewApiKey } from '@/lib/api-types'

import { API_KEYS_KEY } from './list-api-keys'

/** Makes an API key; its secret is in this answer and nowhere else. */
export async function createApiKey(name: string): Promise<NewApiKey> {
  return dataOf(await api.POST('/v1/api-keys', { body: { name } }))
}

export function useCreateApiKey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  })
}
