import { CircleCheck, CircleX, Clock, Radio } from 'lucide-react'

import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { Transaction } from '@/lib/api-types'
import { describeTransactionFailure } from '@/lib/error-wording'

export type TransactionStatus = Transaction['status']

/** How a transaction's status reads to a person. */
export interface StatusView {
  label: string
  tone: BadgeTone
  /** One sentence on where it is and what comes next. */
  description: string
}

/** Words and tone for where a transaction is on its way. */
export function transactionStatusView(
  transaction: Pick<Transaction, 'status' | 'errorCode' | 'blockNumber'>,
): StatusView {
  const { status, blockNumber } = transaction
  switch (status) {
    case 'queued':
      return {
        label: 'Queued',
        tone: 'neutral',
        description: 'Waiting for a signer to sign and broadcast it.',
      }
    case 'submitted':
      return {
        label: 'Submitted',
        tone: 'info',
        description:
          blockNumber === null
            ? 'Broadcast to the network; waiting to be mined.'
            : `Mined in block ${blockNumber}; waiting for confirmations.`,
      }
    case 'confirmed':
      return {
        label: 'Confirmed',
        tone: 'success',
        description:
          blockNumber === null
            ? 'Final on the chain.'
            : `Final, in block ${blockNumber}.`,
      }
    case 'failed':
      return {
        label: 'Failed',
        tone: 'danger',
        description: describeTransactionFailure(transaction.errorCode),
      }
  }
}

const ICONS = {
  queued: Clock,
  submitted: Radio,
  confirmed: CircleCheck,
  failed: CircleX,
}

export function TransactionStatusBadge({
  transaction,
}: {
  transaction: Pick<Transaction, 'status' | 'errorCode' | 'blockNumber'>
}) {
  const view = transactionStatusView(transaction)
  const Icon = ICONS[transaction.status]
  return (
    <Badge tone={view.tone} title={view.description}>
      <Icon aria-hidden />
      {view.label}
    </Badge>
  )
}
