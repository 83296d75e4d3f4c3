import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

import { cn } from '@/lib/utils'

export interface TabItem<Value extends string> {
  value: Value
  label: ReactNode
  content: ReactNode
}

export interface TabsProps<Value extends string> {
  items: TabItem<Value>[]
  value: Value
  onValueChange: (value: Value) => void
  label: string
  className?: string
}

/**
 * Tabs as screen readers expect them: one tab stop for the list, arrow
 * keys (and Home, End) to move between tabs, the panel next in order.
 */
export function Tabs<Value extends string>({
  items,
  value,
  onValueChange,
  label,
  className,
}: TabsProps<Value>) {
  const id = useId()
  const tabs = useRef(new Map<Value, HTMLButtonElement>())
  const index = Math.max(
    0,
    items.findIndex((item) => item.value === value),
  )
  const selected = items[index]

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: items.length - 1,
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = items[(target + items.length) % items.length]
    if (!next) return
    onValueChange(next.value)
    tabs.current.get(next.value)?.focus()
  }

  return (
    <div className={cn('flex flex-col gap-4', className)}>
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="bg-muted flex gap-1 overflow-x-auto rounded-md p-1"
      >
        {items.map((item) => {
          const active = item.value === selected?.value
          return (
            <button
              key={item.value}
              ref={(element) => {
                if (element) tabs.current.set(item.value, element)
                else tabs.current.delete(item.value)
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${item.value}`}
              aria-selected={active}
              aria-controls={`${id}-panel`}
              tabIndex={active ? 0 : -1}
              onClick={() => onValueChange(item.value)}
              className={cn(
                'flex-1 rounded px-3 py-1.5 text-sm font-medium',
                'whitespace-nowrap transition-colors',
                // In the dark theme a card is darker than the tab list:
                // the chosen tab is lighter instead, to stand out.
                active
                  ? 'bg-card dark:bg-input text-foreground shadow-xs'
                  : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {item.label}
            </button>
          )
        })}
      </div>
      {selected && (
        <div
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={`${id}-tab-${selected.value}`}
          tabIndex={0}
          className="rounded-md"
        >
          {selected.content}
        </div>
      )}
    </div>
  )
}
