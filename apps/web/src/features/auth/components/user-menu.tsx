import { LogOut, UserRound } from 'lucide-react'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'

import { useMe } from '../api/get-me'
import { useSignOut } from './sign-out'

/** Who is signed in, and the way out. */
export function UserMenu() {
  const me = useMe()
  const signOut = useSignOut()
  const [leaving, setLeaving] = useState(false)

  async function leave() {
    setLeaving(true)
    try {
      await signOut()
    } finally {
      setLeaving(false)
    }
  }

  return (
    <div className="flex min-w-0 items-center gap-1">
      <span className="text-muted-foreground hidden min-w-0 items-center gap-1.5 text-sm md:flex">
        <UserRound aria-hidden className="size-4 shrink-0" />
        {me.isPending ? (
          <Skeleton className="h-4 w-20" />
        ) : (
          <span className="truncate" title={me.data?.email ?? undefined}>
            {me.data?.email ?? me.data?.subject ?? 'Signed in'}
          </span>
        )}
      </span>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => void leave()}
        disabled={leaving}
      >
        <LogOut />
        <span className="max-sm:sr-only">Sign out</span>
      </Button>
    </div>
  )
}
