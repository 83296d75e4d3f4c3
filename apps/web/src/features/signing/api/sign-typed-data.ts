import { useMutation } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { TypedDataRequest } from '@/lib/api-types'

export interface SignTypedDataInput {
  accountId: string
  typedData: TypedDataRequest
}

/** Signs typed data as eth_signTypedData_v4 does (EIP-712). */
export async function signTypedData({
  accountId,
  typedData,
}: SignTypedDataInput): Promise<string> {
  const body = dataOf(
    await api.POST('/v1/accounts/{id}/sign-typed-data', {
      params: { path: { id: accountId } },
      body: typedData,
    }),
  )
  return body.signature
}

export function useSignTypedData() {
  return useMutation({ mutationFn: signTypedData })
}
