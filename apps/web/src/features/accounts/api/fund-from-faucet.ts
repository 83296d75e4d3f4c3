import { useMutation, useQueryClient } from '@tanstack/react-query'

import { BALANCES_KEY } from '@/api/get-account-balance'
import { api, dataOf } from '@/lib/api-client'

export interface FundInput {
  address: string
  chainId: number
}

/**
 * Has the development faucet send 10 of the chain's coin to `address`;
 * answers once the transfer is mined.
 */
export async function fundFromFaucet({ address, chainId }: FundInput) {
  return dataOf(
    await api.POST('/v1/dev/faucet', { body: { address, chainId } }),
  )
}

export function useFundFromFaucet() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fundFromFaucet,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BALANCES_KEY }),
  })
}
