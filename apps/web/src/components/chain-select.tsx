import { Select } from '@/components/ui/select'
import type { SelectedChain } from '@/hooks/use-selected-chain'
import { cn } from '@/lib/utils'

export interface ChainSelectProps {
  selection: SelectedChain
  className?: string
}

/** Picks the chain that balances are read on. */
export function ChainSelect({ selection, className }: ChainSelectProps) {
  const { chain, chains, select, isPending } = selection
  return (
    <Select
      aria-label="Chain"
      className={cn('w-full sm:w-48', className)}
      value={chain?.id ?? ''}
      disabled={isPending || chain === undefined}
      onChange={(event) => select(Number(event.target.value))}
    >
      {chain === undefined && <option value="">Loading chains…</option>}
      {chains.map((item) => (
        <option key={item.id} value={item.id}>
          {item.name} ({item.nativeCurrency.symbol})
        </option>
      ))}
    </Select>
  )
}
