import { ArrowLeft, Send } from 'lucide-react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { Spinner } from '@/components/ui/spinner'
import { useIdempotencyKey } from '@/hooks/use-idempotency-key'
import { formatAmount } from '@/lib/amount'
import type { Account, Chain, SendRequest } from '@/lib/api-types'

import { useEstimate } from '../api/estimate-transaction'
import { useSendTransaction } from '../api/send-transaction'

export interface SendReviewProps {
  account: Account & { address: string }
  chain: Chain
  request: SendRequest
  onBack: () => void
  onSent: (transactionId: string) => void
}

/** The send as it will go out, with the fee the network asks now. */
export function SendReview({
  account,
  chain,
  request,
  onBack,
  onSent,
}: SendReviewProps) {
  const estimate = useEstimate(account.id, request)
  const send = useSendTransaction()
  // One key for this review: pressing Send again after a lost answer
  // cannot send twice.
  const [idempotencyKey] = useIdempotencyKey()
  const { symbol, decimals } = chain.nativeCurrency
  const value = BigInt(request.value)
  const show = (wei: bigint) => `${formatAmount(wei, decimals, 18)} ${symbol}`

  function confirm() {
    send.mutate(
      { accountId: account.id, request, idempotencyKey },
      { onSuccess: (transaction) => onSent(transaction.id) },
    )
  }

  return (
    <div className="flex flex-col gap-4">
      <h3 className="text-sm font-semibold">Review the transfer</h3>
      <dl className="bg-muted/50 grid grid-cols-1 gap-x-4 gap-y-1 rounded-md border p-3 text-sm sm:grid-cols-[auto_1fr] sm:gap-y-2">
        <dt className="text-muted-foreground">From</dt>
        <dd className="font-mono break-all">{account.address}</dd>
        <dt className="text-muted-foreground mt-2 sm:mt-0">To</dt>
        <dd className="font-mono break-all" data-testid="review-recipient">
          {request.to}
        </dd>
        <dt className="text-muted-foreground mt-2 sm:mt-0">Amount</dt>
        <dd className="tabular-nums" data-testid="review-amount">
          {show(value)}
        </dd>
        <dt className="text-muted-foreground mt-2 sm:mt-0">Estimated fee</dt>
        <dd className="tabular-nums" data-testid="review-fee">
          {estimate.isPending ? (
            <Skeleton className="h-5 w-32" />
          ) : estimate.isError ? (
            '—'
          ) : (
            <>
              {show(BigInt(estimate.data.expectedFee))}
              <span className="text-muted-foreground block text-xs">
                at most {show(BigInt(estimate.data.maxFee))}
              </span>
            </>
          )}
        </dd>
        {estimate.isSuccess && (
          <>
            <dt className="text-muted-foreground mt-2 sm:mt-0">Total</dt>
            <dd className="font-medium tabular-nums">
              {show(value + BigInt(estimate.data.expectedFee))}
            </dd>
          </>
        )}
        <dt className="text-muted-foreground mt-2 sm:mt-0">Chain</dt>
        <dd>{chain.name}</dd>
      </dl>
      {estimate.isError && (
        <ErrorNotice
          error={estimate.error}
          onRetry={() => void estimate.refetch()}
        />
      )}
      {send.isError && <ErrorNotice error={send.error} />}
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={onBack} disabled={send.isPending}>
          <ArrowLeft />
          Back
        </Button>
        <Button
          onClick={confirm}
          disabled={!estimate.isSuccess || send.isPending}
        >
          {send.isPending ? <Spinner /> : <Send />}
          {send.isPending ? 'Sending…' : `Send ${show(value)}`}
        </Button>
      </div>
    </div>
  )
}
