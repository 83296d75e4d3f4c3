import type { ReactNode } from 'react'

export interface PageHeaderProps {
  title: ReactNode
  description?: ReactNode
  /** Above the title: a way back, for instance. */
  before?: ReactNode
  /** Beside the title on wide screens, below it on narrow ones. */
  actions?: ReactNode
}

export function PageHeader({
  title,
  description,
  before,
  actions,
}: PageHeaderProps) {
  return (
    <header className="flex flex-col gap-3">
      {before}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight break-words">
            {title}
          </h1>
          {description !== undefined && (
            <div className="text-muted-foreground text-sm">{description}</div>
          )}
        </div>
        {actions !== undefined && (
          <div className="flex flex-wrap items-center gap-2">{actions}</div>
        )}
      </div>
    </header>
  )
}
