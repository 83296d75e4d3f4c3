import { useMutation } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'

export interface SignMessageInput {
  accountId: string
  message: string
}

/** Signs text as personal_sign does (EIP-191); answers the signature. */
export async function signMessage({
  accountId,
  message,
}: SignMessageInput): Promise<string> {
  const body = dataOf(
    await api.POST('/v1/accounts/{id}/sign-message', {
      params: { path: { id: accountId } },
      body: { message },
    }),
  )
  return body.signature
}

export function useSignMessage() {
  return useMutation({ mutationFn: signMessage })
}
