import { useMutation } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'

/** A sign-in token from the server's development issuer, for `subject`. */
export async function createDevToken(subject: string): Promise<string> {
  const body = dataOf(
    await api.POST('/v1/auth/dev-token', { body: { sub: subject } }),
  )
  return body.token
}

export function useCreateDevToken() {
  return useMutation({ mutationFn: createDevToken })
}
