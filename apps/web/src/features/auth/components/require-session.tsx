import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'

import { useSessionState } from '@/lib/session'

import { signInPathFor } from './next-path'

/**
 * Shows `children` to a signed-in person; anyone else goes to sign-in,
 * which brings them back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSessionState()
  const location = useLocation()
  if (session === null) {
    const here = location.pathname + location.search + location.hash
    return <Navigate to={signInPathFor(here)} replace />
  }
  return children
}
