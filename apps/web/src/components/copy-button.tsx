import { Check, Copy } from 'lucide-react'
import { useEffect, useState } from 'react'

import { Button, type ButtonProps } from '@/components/ui/button'
import { copyText } from '@/lib/clipboard'

type CopyState = 'idle' | 'copied' | 'failed'

export interface CopyButtonProps extends Omit<ButtonProps, 'onClick'> {
  value: string
  /** What is copied, for screen readers: "Copy address". */
  label: string
  /** Show the label beside the icon. */
  showLabel?: boolean
}

/** Copies `value`, then says whether it worked for a moment. */
export function CopyButton({
  value,
  label,
  showLabel = false,
  variant = 'ghost',
  size,
  ...props
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    setState((await copyText(value)) ? 'copied' : 'failed')
  }

  const text =
    state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label
  return (
    <Button
      variant={variant}
      size={size ?? (showLabel ? 'sm' : 'icon-sm')}
      aria-label={showLabel ? undefined : text}
      title={showLabel ? undefined : label}
      onClick={() => void copy()}
      {...props}
    >
      {state === 'copied' ? <Check /> : <Copy />}
      {showLabel && <span>{text}</span>}
      <span aria-live="polite" className="sr-only">
        {state === 'idle' ? '' : text}
      </span>
    </Button>
  )
}
