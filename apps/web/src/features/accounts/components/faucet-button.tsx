import { Droplets } from 'lucide-react'

import { useClientConfig } from '@/api/get-client-config'
import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Spinner } from '@/components/ui/spinner'
import { formatAmount } from '@/lib/amount'
import type { Chain } from '@/lib/api-types'

import { useFundFromFaucet } from '../api/fund-from-faucet'

export interface FaucetButtonProps {
  address: string
  chain: Chain
}

/** Funds the account from the development faucet, where the server has one. */
export function FaucetButton({ address, chain }: FaucetButtonProps) {
  const config = useClientConfig()
  const fund = useFundFromFaucet()
  if (!config.data?.devFaucet) return null

  const symbol = chain.nativeCurrency.symbol
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        disabled={fund.isPending}
        onClick={() => fund.mutate({ address, chainId: chain.id })}
      >
        {fund.isPending ? <Spinner /> : <Droplets />}
        {fund.isPending ? 'Funding…' : `Get test ${symbol}`}
      </Button>
      {fund.isSuccess && (
        <p role="status" className="text-success text-xs">
          Received{' '}
          {formatAmount(BigInt(fund.data.value), chain.nativeCurrency.decimals)}{' '}
          {symbol} from the development faucet.
        </p>
      )}
      {fund.isError && <ErrorNotice error={fund.error} />}
    </div>
  )
}
