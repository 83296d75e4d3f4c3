import { shortAddress } from '@/lib/address'
import { cn } from '@/lib/utils'

import { CopyButton } from './copy-button'

export interface AddressProps {
  address: string
  className?: string
  /** Offer a copy button beside it. */
  copyable?: boolean
}

/**
 * An address in its short form, `0x1234…abcd`; the whole of it shows on
 * hover and on keyboard focus, and screen readers read it whole.
 */
export function Address({ address, className, copyable = true }: AddressProps) {
  return (
    <span className={cn('inline-flex items-center gap-1', className)}>
      <span className="group relative inline-flex">
        <span
          tabIndex={0}
          aria-label={address}
          title={address}
          className="cursor-default rounded font-mono text-sm"
        >
          {shortAddress(address)}
        </span>
        <span
          aria-hidden
          className={cn(
            'bg-foreground text-background pointer-events-none absolute',
            'bottom-full left-0 z-20 mb-1.5 rounded px-2 py-1 font-mono',
            'text-xs whitespace-nowrap opacity-0 shadow-md transition-opacity',
            'group-hover:opacity-100 group-focus-within:opacity-100',
            'max-sm:max-w-[calc(100vw-2rem)] max-sm:whitespace-normal',
            'max-sm:break-all',
          )}
        >
          {address}
        </span>
      </span>
      {copyable && <CopyButton value={address} label="Copy address" />}
    </span>
  )
}
