import { useSearchParams } from 'react-router'

import { useChains } from '@/api/list-chains'
import type { Chain } from '@/lib/api-types'

export interface SelectedChain {
  chain: Chain | undefined
  chains: Chain[]
  isPending: boolean
  error: unknown
  select: (chainId: number) => void
}

/**
 * The chain balances are shown on, kept in the address (`?chain=`) so it
 * survives a reload and follows the person from wallet to account. The
 * server's first chain is the default.
 */
export function useSelectedChain(): SelectedChain {
  const [params, setParams] = useSearchParams()
  const { data: chains = [], isPending, error } = useChains()
  const wanted = Number(params.get('chain'))
  const chain = chains.find((item) => item.id === wanted) ?? chains[0]

  function select(chainId: number) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        next.set('chain', String(chainId))
        return next
      },
      { replace: true },
    )
  }

  return { chain, chains, isPending, error, select }
}
