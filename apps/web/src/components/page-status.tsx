import { Spinner } from '@/components/ui/spinner'

import { ErrorNotice } from './error-notice'

/** The whole page is waiting for something it cannot show without. */
export function PageLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div
      role="status"
      className="text-muted-foreground flex min-h-[50dvh] items-center justify-center gap-2 text-sm"
    >
      <Spinner />
      {label}
    </div>
  )
}

/** The whole page could not load. */
export function PageError({
  error,
  onRetry,
}: {
  error: unknown
  onRetry?: () => void
}) {
  return (
    <div className="mx-auto flex min-h-[50dvh] max-w-md items-center px-4">
      <ErrorNotice
        className="w-full"
        error={error}
        {...(onRetry && { onRetry })}
      />
    </div>
  )
}
