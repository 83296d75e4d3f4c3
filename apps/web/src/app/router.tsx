import { createBrowserRouter } from 'react-router'

import { ApiKeysPage } from '@/features/api-keys/components/api-keys-page'
import { RequireSession } from '@/features/auth/components/require-session'
import { SignInPage } from '@/features/auth/components/sign-in-page'
import { WalletPage } from '@/features/wallets/components/wallet-page'
import { WalletsPage } from '@/features/wallets/components/wallets-page'

import { AppLayout } from './layout'
import { NotFoundPage } from './not-found-page'
import { AccountRoute } from './routes/account-route'

/** Every page of the UI; all but sign-in need a session. */
export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      children: [
        { index: true, element: <WalletsPage /> },
        { path: 'wallets/:walletId', element: <WalletPage /> },
        { path: 'accounts/:accountId', element: <AccountRoute /> },
        { path: 'api-keys', element: <ApiKeysPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ])
}
