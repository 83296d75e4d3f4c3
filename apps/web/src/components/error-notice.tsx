import { CircleAlert } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { describeError } from '@/lib/error-wording'
import { cn } from '@/lib/utils'

export interface ErrorNoticeProps {
  error: unknown
  /** Offers "Try again" when given. */
  onRetry?: () => void
  className?: string
}

/** An error in words, placed beside the thing that failed. */
export function ErrorNotice({ error, onRetry, className }: ErrorNoticeProps) {
  const { title, detail } = describeError(error)
  return (
    <Alert tone="danger" className={cn('items-start', className)}>
      <CircleAlert aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-medium">{title}</p>
        {detail !== undefined && (
          <p className="text-danger/90 text-xs break-words">{detail}</p>
        )}
      </div>
      {onRetry && (
        <Button
          variant="outline"
          size="sm"
          className="text-foreground"
          onClick={onRetry}
        >
          Try again
        </Button>
      )}
    </Alert>
  )
}
