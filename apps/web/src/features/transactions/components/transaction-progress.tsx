import { useQueryClient } from '@tanstack/react-query'
import { Check, ExternalLink } from 'lucide-react'
import { useEffect } from 'react'

import { BALANCES_KEY } from '@/api/get-account-balance'
import { CopyButton } from '@/components/copy-button'
import { ErrorNotice } from '@/components/error-notice'
import { Alert } from '@/components/ui/alert'
import { Spinner } from '@/components/ui/spinner'
import { formatAmount } from '@/lib/amount'
import type { Chain, Transaction } from '@/lib/api-types'
import { explorerTransactionUrl } from '@/lib/explorer'
import { shortHex } from '@/lib/format'
import { cn } from '@/lib/utils'

import { isInFlight, useTransaction } from '../api/get-transaction'
import { transactionsKey } from '../api/list-transactions'
import { transactionStatusView } from './transaction-status'

const STEPS = ['queued', 'submitted', 'confirmed'] as const
const STEP_NAMES = {
  queued: 'Queued',
  submitted: 'Submitted',
  confirmed: 'Confirmed',
}

/** A sent transaction followed live, from queued to confirmed or failed. */
export function TransactionProgress({
  transactionId,
  chain,
}: {
  transactionId: string
  chain: Chain | undefined
}) {
  const query = useTransaction(transactionId)
  const queryClient = useQueryClient()
  const transaction = query.data
  const settled = transaction !== undefined && !isInFlight(transaction)

  // Once final, both ends' balances have moved.
  useEffect(() => {
    if (!settled) return
    void queryClient.invalidateQueries({ queryKey: BALANCES_KEY })
    void queryClient.invalidateQueries({
      queryKey: transactionsKey(transaction.accountId),
    })
  }, [settled, transaction?.accountId, queryClient])

  if (transaction === undefined) {
    return query.isError ? (
      <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
    ) : (
      <Spinner />
    )
  }
  const view = transactionStatusView(transaction)
  const explorer = explorerTransactionUrl(chain, transaction.hash)
  const decimals = chain?.nativeCurrency.decimals ?? 18
  return (
    <div className="flex flex-col gap-4" aria-live="polite">
      <Steps transaction={transaction} />
      <Alert
        tone={
          view.tone === 'success'
            ? 'success'
            : view.tone === 'danger'
              ? 'danger'
              : 'info'
        }
      >
        <div className="flex flex-col gap-0.5">
          <p className="font-medium" data-testid="transaction-status">
            {view.label}
          </p>
          <p>{view.description}</p>
        </div>
      </Alert>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted-foreground">Amount</dt>
        <dd className="tabular-nums">
          {formatAmount(BigInt(transaction.value), decimals, 18)}{' '}
          {chain?.nativeCurrency.symbol}
        </dd>
        {transaction.feeWei !== null && (
          <>
            <dt className="text-muted-foreground">Fee paid</dt>
            <dd className="tabular-nums">
              {formatAmount(BigInt(transaction.feeWei), decimals, 18)}{' '}
              {chain?.nativeCurrency.symbol}
            </dd>
          </>
        )}
        {transaction.hash !== null && (
          <>
            <dt className="text-muted-foreground">Hash</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <span className="truncate font-mono" title={transaction.hash}>
                {shortHex(transaction.hash, 10)}
              </span>
              <CopyButton value={transaction.hash} label="Copy hash" />
            </dd>
          </>
        )}
      </dl>
      {explorer !== null && (
        <a
          href={explorer}
          target="_blank"
          rel="noreferrer"
          className="text-primary inline-flex w-fit items-center gap-1 rounded text-sm font-medium hover:underline"
        >
          View on the block explorer
          <ExternalLink aria-hidden className="size-4" />
        </a>
      )}
    </div>
  )
}

function Steps({ transaction }: { transaction: Transaction }) {
  const reached =
    transaction.status === 'failed'
      ? transaction.hash === null
        ? 0
        : 1
      : STEPS.indexOf(transaction.status)
  return (
    <ol aria-label="Progress" className="flex items-center gap-2 text-xs">
      {STEPS.map((step, index) => {
        const done =
          index < reached ||
          (index === reached &&
            !isInFlight(transaction) &&
            transaction.status !== 'failed')
        const current = index === reached && isInFlight(transaction)
        return (
          <li key={step} className="flex flex-1 items-center gap-2">
            <span
              aria-current={current ? 'step' : undefined}
              className={cn(
                'flex size-6 shrink-0 items-center justify-center rounded-full border',
                done && 'bg-primary text-primary-foreground border-primary',
                current && 'border-primary text-primary',
              )}
            >
              {done ? (
                <Check aria-hidden className="size-3.5" />
              ) : current ? (
                <Spinner className="size-3.5" />
              ) : (
                index + 1
              )}
            </span>
            <span className={cn(!done && !current && 'text-muted-foreground')}>
              {STEP_NAMES[step]}
            </span>
            {index < STEPS.length - 1 && (
              <span aria-hidden className="bg-border h-px flex-1" />
            )}
          </li>
        )
      })}
    </ol>
  )
}
