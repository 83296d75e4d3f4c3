import { useMutation, useQueryClient } from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Wallet, WalletWithAccounts } from '@/lib/api-types'

import { walletQueryKey } from './get-wallet'
import { WALLETS_KEY } from './list-wallets'

export interface RenameWalletInput {
  walletId: string
  name: string
}

export async function renameWallet({
  walletId,
  name,
}: RenameWalletInput): Promise<Wallet> {
  return dataOf(
    await api.PATCH('/v1/wallets/{id}', {
      params: { path: { id: walletId } },
      body: { name },
    }),
  )
}

export function useRenameWallet() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: renameWallet,
    onSuccess: async (wallet) => {
      queryClient.setQueryData<WalletWithAccounts>(
        walletQueryKey(wallet.id),
        (current) => current && { ...current, ...wallet },
      )
      await queryClient.invalidateQueries({ queryKey: WALLETS_KEY })
    },
  })
}
