import {
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query'

import { api, dataOf } from '@/lib/api-client'
import type { Wallet, WalletPage } from '@/lib/api-types'

import { WALLETS_KEY } from './list-wallets'

export interface CreateWalletInput {
  name: string
  /** The same key for a retry of the same creation; see idempotency.ts. */
  idempotencyKey: string
}

/** Asks for a wallet; it comes back pending, and a signer makes its keys. */
export async function createWallet({
  name,
  idempotencyKey,
}: CreateWalletInput): Promise<Wallet> {
  return dataOf(
    await api.POST('/v1/wallets', {
      body: { name },
      params: { header: { 'idempotency-key': idempotencyKey } },
    }),
  )
}

export function useCreateWallet() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createWallet,
    onSuccess: async (wallet) => {
      // Shown at once, pending; the list's polling turns it ready.
      queryClient.setQueryData<InfiniteData<WalletPage>>(WALLETS_KEY, (data) =>
        data === undefined ? data : withWalletFirst(data, wallet),
      )
      await queryClient.invalidateQueries({ queryKey: WALLETS_KEY })
    },
  })
}

function withWalletFirst(
  data: InfiniteData<WalletPage>,
  wallet: Wallet,
): InfiniteData<WalletPage> {
  const [first, ...rest] = data.pages
  if (first === undefined) return data
  const others = first.data.filter((item) => item.id !== wallet.id)
  return { ...data, pages: [{ ...first, data: [wallet, ...others] }, ...rest] }
}
