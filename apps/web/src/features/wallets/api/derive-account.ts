import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Account, WalletWithAccounts } from '@/lib/api-types'

import { walletQueryKey } from './get-wallet'

export interface DeriveAccountInput {
  walletId: string
  name?: string
  idempotencyKey: string
}

/** Asks for the wallet's next account; it is pending until derived. */
export async function deriveAccount({
  walletId,
  name,
  idempotencyKey,
}: DeriveAccountInput): Promise<Account> {
  return dataOf(
    await api.POST('/v1/wallets/{id}/accounts', {
      params: {
        path: { id: walletId },
        header: { 'idempotency-key': idempotencyKey },
      },
      body: name === undefined ? {} : { name },
    }),
  )
}

export function useDeriveAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deriveAccount,
    onSuccess: async (account) => {
      const key = walletQueryKey(account.walletId)
      queryClient.setQueryData<WalletWithAccounts>(key, (wallet) => {
        if (!wallet) return wallet
        const others = wallet.accounts.filter((item) => item.id !== account.id)
        return { ...wallet, accounts: [...others, account] }
      })
      await queryClient.invalidateQueries({ queryKey: key })
    },
  })
}
