import { CircleCheck, CircleX } from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { Spinner } from '@/components/ui/spinner'
import { describeCreationFailure } from '@/lib/error-wording'

export interface StatusBadgeProps {
  status: 'pending' | 'ready' | 'failed'
  errorCode?: string | null
  /** What is being made while pending: "keys", "address". */
  pendingLabel?: string
}

/** Where a wallet or account is in its making, by a signer. */
export function StatusBadge({
  status,
  errorCode = null,
  pendingLabel = 'Creating…',
}: StatusBadgeProps) {
  if (status === 'pending') {
    return (
      <Badge tone="pending">
        <Spinner className="size-3" />
        {pendingLabel}
      </Badge>
    )
  }
  if (status === 'failed') {
    return (
      <Badge tone="danger" title={describeCreationFailure(errorCode)}>
        <CircleX aria-hidden />
        Failed
      </Badge>
    )
  }
  return (
    <Badge tone="success">
      <CircleCheck aria-hidden />
      Ready
    </Badge>
  )
}
