import {
  DynamicContextProvider,
  DynamicEmbeddedWidget,
  getAuthToken,
  useDynamicContext,
} from '@dynamic-labs/sdk-react-core'
import { useCallback, useEffect, type ReactNode } from 'react'

import { sessionStore } from '@/lib/session'

import { SignOutContext } from './sign-out'

/**
 * The nonce the server put in this page's Content-Security-Policy for
 * Dynamic's inline styles, which its widgets cannot do without.
 */
function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>(
    'meta[name="custos-csp-nonce"]',
  )
  return meta?.content || undefined
}

function startSessionFromDynamic(): void {
  const token = getAuthToken()
  if (token) sessionStore.start({ token, method: 'dynamic' })
}

/**
 * Signing in with Dynamic: its JWT becomes the session's bearer token, and
 * signing out ends both sessions. Loaded lazily, see auth-provider.tsx.
 */
export default function DynamicAuthProvider({
  environmentId,
  children,
}: {
  environmentId: string
  children: ReactNode
}) {
  const nonce = cspNonce()
  return (
    <DynamicContextProvider
      settings={{
        environmentId,
        ...(nonce !== undefined && { cspNonce: nonce }),
        events: {
          onAuthSuccess: startSessionFromDynamic,
          onLogout: () => sessionStore.end('signed-out'),
        },
      }}
    >
      <DynamicSessionBridge>{children}</DynamicSessionBridge>
    </DynamicContextProvider>
  )
}

function DynamicSessionBridge({ children }: { children: ReactNode }) {
  const { handleLogOut } = useDynamicContext()

  // A token the API refused is over for Dynamic too: sign out there, so
  // that its widget asks the person to sign in again.
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.get().ended === 'expired') void handleLogOut()
      }),
    [handleLogOut],
  )

  const signOut = useCallback(async () => {
    await handleLogOut()
    sessionStore.end('signed-out')
  }, [handleLogOut])

  return <SignOutContext value={signOut}>{children}</SignOutContext>
}

/** Dynamic's sign-in flow, in the page rather than in a pop-up. */
export function DynamicSignIn() {
  return <DynamicEmbeddedWidget background="none" />
}
