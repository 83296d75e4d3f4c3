import { useId, type ReactNode } from 'react'

import { cn } from '@/lib/utils'

import { Label } from './label'

/** What a control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

export interface FieldProps {
  label: ReactNode
  /** Shown under the control while there is no error. */
  hint?: ReactNode
  /** Shown under the control, in place of the hint, and marks it invalid. */
  error?: ReactNode
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

/**
 * A labelled control with its hint or error below it, read out with the
 * control by screen readers.
 */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? hint
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        ...(message !== undefined && { 'aria-describedby': messageId }),
        ...(error !== undefined && { 'aria-invalid': true }),
      })}
      {message !== undefined && (
        <p
          id={messageId}
          className={cn(
            'text-xs',
            error === undefined ? 'text-muted-foreground' : 'text-danger',
          )}
        >
          {message}
        </p>
      )}
    </div>
  )
}
