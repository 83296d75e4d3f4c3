import type { ComponentProps } from 'react'

import { cn } from '@/lib/utils'

export const fieldControlClass =
  'w-full rounded-md border border-input bg-card px-3 text-sm ' +
  'placeholder:text-muted-foreground disabled:opacity-50 ' +
  'aria-invalid:border-danger aria-invalid:outline-danger'

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input className={cn(fieldControlClass, 'h-10', className)} {...props} />
  )
}
