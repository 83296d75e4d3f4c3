import { Monitor, Moon, Sun } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '@/lib/theme'

const NEXT: Record<ThemeChoice, ThemeChoice> = {
  system: 'light',
  light: 'dark',
  dark: 'system',
}
const ICONS = { system: Monitor, light: Sun, dark: Moon }
const NAMES = { system: "the system's", light: 'light', dark: 'dark' }

/** Cycles the theme: the system's, light, dark. */
export function ThemeToggle() {
  const choice = useThemeChoice()
  const Icon = ICONS[choice]
  const label = `Theme: ${NAMES[choice]}. Switch to ${NAMES[NEXT[choice]]}.`
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={label}
      title={label}
      onClick={() => setThemeChoice(NEXT[choice])}
    >
      <Icon />
    </Button>
  )
}
