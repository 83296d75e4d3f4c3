import { cva, type VariantProps } from 'class-variance-authority'
import type { ComponentProps } from 'react'

import { cn } from '@/lib/utils'

const alertVariants = cva(
  'flex gap-3 rounded-md border px-3 py-2.5 text-sm [&>svg]:mt-0.5 ' +
    '[&>svg]:size-4 [&>svg]:shrink-0',
  {
    variants: {
      tone: {
        danger: 'border-danger/30 bg-danger-soft text-danger',
        warning: 'border-warning/30 bg-warning-soft text-warning',
        info: 'border-info/30 bg-info-soft text-info',
        success: 'border-success/30 bg-success-soft text-success',
      },
    },
    defaultVariants: { tone: 'info' },
  },
)

/**
 * A message beside the thing it is about. Errors are announced to screen
 * readers as they appear; other tones are read in turn.
 */
export function Alert({
  className,
  tone,
  ...props
}: ComponentProps<'div'> & VariantProps<typeof alertVariants>) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cn(alertVariants({ tone }), className)}
      {...props}
    />
  )
}
