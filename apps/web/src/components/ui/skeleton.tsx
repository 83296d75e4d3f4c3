import type { ComponentProps } from 'react'

import { cn } from '@/lib/utils'

/** A placeholder in the shape of content that is still loading. */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden
      className={cn('bg-muted animate-pulse rounded-md', className)}
      {...props}
    />
  )
}
