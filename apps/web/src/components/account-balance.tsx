import { useAccountBalance } from '@/api/get-account-balance'
import { Skeleton } from '@/components/ui/skeleton'
import { formatAmount } from '@/lib/amount'
import type { Chain } from '@/lib/api-types'
import { describeError } from '@/lib/error-wording'
import { cn } from '@/lib/utils'

export interface AccountBalanceProps {
  accountId: string
  chain: Chain | undefined
  className?: string
}

/** An account's balance on `chain`, in whole units with the symbol. */
export function AccountBalance({
  accountId,
  chain,
  className,
}: AccountBalanceProps) {
  const balance = useAccountBalance(accountId, chain?.id)
  if (chain === undefined || balance.isPending) {
    return <Skeleton className={cn('h-5 w-24', className)} />
  }
  if (balance.isError) {
    return (
      <span role="alert" className={cn('text-danger text-xs', className)}>
        No balance: {describeError(balance.error).title}
      </span>
    )
  }
  return (
    <span
      className={cn('font-medium tabular-nums', className)}
      title={`${balance.data.formatted} ${balance.data.symbol}`}
    >
      {formatAmount(BigInt(balance.data.wei), chain.nativeCurrency.decimals)}{' '}
      <span className="text-muted-foreground">{balance.data.symbol}</span>
    </span>
  )
}
