import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, type ReactNode } from 'react'

import { useClientConfig } from '@/api/get-client-config'
import { PageError, PageLoading } from '@/components/page-status'
import { sessionStore } from '@/lib/session'

// Loaded only when the server names a Dynamic environment, so that the
// development bundle path never downloads Dynamic's SDK.
const DynamicAuthProvider = lazy(() => import('./dynamic-auth'))

/**
 * Sets up sign-in as the server asks for it: Dynamic when it names an
 * environment, else the development issuer's form. A person's cached data
 * is dropped when their session ends, so the next one never sees it.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const config = useClientConfig()
  const queryClient = useQueryClient()

  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.get().session !== null) return
        queryClient.removeQueries({
          predicate: (query) => query.queryKey[0] !== 'client-config',
        })
      }),
    [queryClient],
  )

  if (config.isPending) return <PageLoading label="Connecting to Custos…" />
  if (config.isError) {
    return (
      <PageError error={config.error} onRetry={() => void config.refetch()} />
    )
  }
  const environmentId = config.data.auth.dynamicEnvironmentId
  if (environmentId === null) return children
  return (
    <Suspense fallback={<PageLoading label="Loading sign-in…" />}>
      <DynamicAuthProvider environmentId={environmentId}>
        {children}
      </DynamicAuthProvider>
    </Suspense>
  )
}
