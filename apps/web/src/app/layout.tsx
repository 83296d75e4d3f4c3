import { KeySquare, ShieldCheck, WalletMinimal } from 'lucide-react'
import { Link, Outlet, useLocation } from 'react-router'

import { ThemeToggle } from '@/components/theme-toggle'
import { UserMenu } from '@/features/auth/components/user-menu'
import { cn } from '@/lib/utils'

// Wallet and account pages sit under "Wallets" in the navigation.
const NAV = [
  {
    to: '/',
    label: 'Wallets',
    icon: WalletMinimal,
    covers: (path: string) =>
      path === '/' ||
      path.startsWith('/wallets/') ||
      path.startsWith('/accounts/'),
  },
  {
    to: '/api-keys',
    label: 'API keys',
    icon: KeySquare,
    covers: (path: string) => path.startsWith('/api-keys'),
  },
]

/** The frame of every signed-in page. */
export function AppLayout() {
  const { pathname } = useLocation()
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="bg-primary text-primary-foreground sr-only rounded px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      <header className="bg-card/80 sticky top-0 z-10 border-b backdrop-blur">
        <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <Link
            to="/"
            className="flex items-center gap-2 rounded font-semibold"
          >
            <ShieldCheck aria-hidden className="text-primary size-6" />
            <span className="max-sm:sr-only">Custos</span>
          </Link>
          <nav aria-label="Main" className="flex flex-1 items-center gap-1">
            {NAV.map(({ to, label, icon: Icon, covers }) => {
              const current = covers(pathname)
              return (
                <Link
                  key={to}
                  to={to}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors',
                    current
                      ? 'bg-muted text-foreground'
                      : 'text-muted-foreground hover:text-foreground',
                  )}
                >
                  <Icon aria-hidden className="size-4" />
                  {label}
                </Link>
              )
            })}
          </nav>
          <UserMenu />
          <ThemeToggle />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-3 py-6 outline-none sm:px-6 sm:py-8"
      >
        <Outlet />
      </main>
    </div>
  )
}
