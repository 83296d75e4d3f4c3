import { useEffect, useSyncExternalStore } from 'react'

/** The person's choice; `system` follows the operating system's. */
export type ThemeChoice = 'system' | 'light' | 'dark'

// The same key public/theme.js reads before the first paint.
const STORAGE_KEY = 'custos.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'
const listeners = new Set<() => void>()

function readChoice(): ThemeChoice {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  } catch {
    return 'system'
  }
}

let choice = readChoice()

function apply(): void {
  const dark =
    choice === 'dark' ||
    (choice === 'system' && window.matchMedia(DARK_QUERY).matches)
  document.documentElement.classList.toggle('dark', dark)
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next
  try {
    if (next === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // The choice then lasts until the page is left.
  }
  apply()
  for (const listener of listeners) listener()
}

/** The theme choice, kept applied to the page while the app runs. */
export function useThemeChoice(): ThemeChoice {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => choice,
  )
  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY)
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [])
  return current
}
