import { useMutation, useQueryClient } from '@tanstack/react-query'

import { BALANCES_KEY } from '@/api/get-account-balance'
import { api, dataOf } from '@/lib/api-client'
import type { SendRequest, Transaction } from '@/lib/api-types'

import { transactionQueryKey } from './get-transaction'
import { transactionsKey } from './list-transactions'

export interface SendInput {
  accountId: string
  request: SendRequest
  /** The same key for a retry of the same send: it is never sent twice. */
  idempotencyKey: string
}

/** Sends; answers once a signer broadcast it, or with it still queued. */
export async function sendTransaction({
  accountId,
  request,
  idempotencyKey,
}: SendInput): Promise<Transaction> {
  return dataOf(
    await api.POST('/v1/accounts/{id}/transactions', {
      params: {
        path: { id: accountId },
        header: { 'idempotency-key': idempotencyKey },
      },
      body: request,
    }),
  )
}

export function useSendTransaction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: sendTransaction,
    onSuccess: async (transaction) => {
      queryClient.setQueryData(transactionQueryKey(transaction.id), transaction)
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: transactionsKey(transaction.accountId),
        }),
        queryClient.invalidateQueries({ queryKey: BALANCES_KEY }),
      ])
    },
  })
}
