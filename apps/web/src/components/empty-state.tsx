import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

import { cn } from '@/lib/utils'

export interface EmptyStateProps {
  icon: LucideIcon
  title: ReactNode
  children?: ReactNode
  className?: string
}

/** What a list shows when it has nothing in it yet, and what to do next. */
export function EmptyState({
  icon: Icon,
  title,
  children,
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        'flex flex-col items-center gap-2 rounded-lg border border-dashed',
        'px-6 py-10 text-center',
        className,
      )}
    >
      <span className="bg-muted text-muted-foreground rounded-full p-3">
        <Icon aria-hidden className="size-5" />
      </span>
      <p className="font-medium">{title}</p>
      {children !== undefined && (
        <div className="text-muted-foreground max-w-sm text-sm">{children}</div>
      )}
    </div>
  )
}
