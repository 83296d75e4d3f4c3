import { ShieldCheck } from 'lucide-react'
import { lazy, Suspense } from 'react'
import { Navigate, useSearchParams } from 'react-router'

import { useClientConfig } from '@/api/get-client-config'
import { PageError, PageLoading } from '@/components/page-status'
import { ThemeToggle } from '@/components/theme-toggle'
import { Alert } from '@/components/ui/alert'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { useSessionState } from '@/lib/session'

import { DevSignInForm } from './dev-sign-in-form'
import { nextPathFrom } from './next-path'

const DynamicSignIn = lazy(() =>
  import('./dynamic-auth').then((module) => ({
    default: module.DynamicSignIn,
  })),
)

/**
 * Sign-in, as the server offers it. A person sent here from a page comes
 * back to it afterwards.
 */
export function SignInPage() {
  const [params] = useSearchParams()
  const { session, ended } = useSessionState()
  const config = useClientConfig()
  const next = nextPathFrom(params)

  if (session !== null) return <Navigate to={next} replace />
  if (config.isPending) return <PageLoading />
  if (config.isError) {
    return (
      <PageError error={config.error} onRetry={() => void config.refetch()} />
    )
  }
  const { dynamicEnvironmentId, devIssuer } = config.data.auth

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <div className="fixed top-3 right-3">
        <ThemeToggle />
      </div>
      <div className="flex items-center gap-2 text-xl font-semibold">
        <ShieldCheck aria-hidden className="text-primary size-7" />
        Custos
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-lg font-semibold">Sign in</h1>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {ended === 'expired' && (
            <Alert tone="warning">
              Your session has ended. Sign in again to go back to where you
              were.
            </Alert>
          )}
          {dynamicEnvironmentId !== null ? (
            <Suspense fallback={<Skeleton className="h-40" />}>
              <DynamicSignIn />
            </Suspense>
          ) : devIssuer ? (
            <DevSignInForm next={next} />
          ) : (
            <p className="text-muted-foreground text-sm">
              This server trusts sign-in tokens from another issuer only, which
              this page cannot ask for. Call the API with such a token.
            </p>
          )}
        </CardContent>
      </Card>
    </main>
  )
}
