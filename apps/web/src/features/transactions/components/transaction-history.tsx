import { ArrowUpRight, ExternalLink, History } from 'lucide-react'

import { EmptyState } from '@/components/empty-state'
import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { Spinner } from '@/components/ui/spinner'
import { formatAmount } from '@/lib/amount'
import { shortAddress } from '@/lib/address'
import type { Chain, Transaction } from '@/lib/api-types'
import { explorerTransactionUrl } from '@/lib/explorer'
import { formatDateTime } from '@/lib/format'

import { useTransactions } from '../api/list-transactions'
import {
  transactionStatusView,
  TransactionStatusBadge,
} from './transaction-status'

export interface TransactionHistoryProps {
  accountId: string
  chains: Chain[]
}

/** What the account has sent, newest first, with where each one is. */
export function TransactionHistory({
  accountId,
  chains,
}: TransactionHistoryProps) {
  const transactions = useTransactions(accountId)

  if (transactions.isPending) {
    return (
      <div
        role="status"
        aria-label="Loading transactions"
        className="flex flex-col gap-2"
      >
        <Skeleton className="h-12" />
        <Skeleton className="h-12" />
      </div>
    )
  }
  if (transactions.isError) {
    return (
      <ErrorNotice
        error={transactions.error}
        onRetry={() => void transactions.refetch()}
      />
    )
  }
  const items = transactions.data.pages.flatMap((page) => page.data)
  if (items.length === 0) {
    return (
      <EmptyState icon={History} title="Nothing sent yet">
        Transfers from this account appear here, with their status.
      </EmptyState>
    )
  }
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Transactions" className="divide-y rounded-md border">
        {items.map((transaction) => (
          <TransactionRow
            key={transaction.id}
            transaction={transaction}
            chain={chains.find((chain) => chain.id === transaction.chainId)}
          />
        ))}
      </ul>
      {transactions.hasNextPage && (
        <Button
          variant="outline"
          className="self-center"
          disabled={transactions.isFetchingNextPage}
          onClick={() => void transactions.fetchNextPage()}
        >
          {transactions.isFetchingNextPage && <Spinner />}
          Show more
        </Button>
      )}
    </div>
  )
}

function TransactionRow({
  transaction,
  chain,
}: {
  transaction: Transaction
  chain: Chain | undefined
}) {
  const explorer = explorerTransactionUrl(chain, transaction.hash)
  const decimals = chain?.nativeCurrency.decimals ?? 18
  const view = transactionStatusView(transaction)
  return (
    <li className="flex flex-col gap-1.5 px-3 py-2.5 text-sm sm:flex-row sm:items-center sm:gap-3">
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <ArrowUpRight
          aria-hidden
          className="text-muted-foreground size-4 shrink-0"
        />
        <span className="truncate">
          To <span className="font-mono">{shortAddress(transaction.to)}</span>
        </span>
        <TransactionStatusBadge transaction={transaction} />
      </div>
      <div className="text-muted-foreground flex items-center gap-3 text-xs sm:text-sm">
        <span className="text-foreground font-medium tabular-nums">
          {formatAmount(BigInt(transaction.value), decimals)}{' '}
          {chain?.nativeCurrency.symbol}
        </span>
        <span>{formatDateTime(transaction.createdAt)}</span>
        {explorer !== null && (
          <a
            href={explorer}
            target="_blank"
            rel="noreferrer"
            aria-label="View on the block explorer"
            className="hover:text-foreground rounded"
          >
            <ExternalLink aria-hidden className="size-4" />
          </a>
        )}
      </div>
      {transaction.status === 'failed' && (
        <p className="text-danger text-xs sm:basis-full">{view.description}</p>
      )}
    </li>
  )
}
