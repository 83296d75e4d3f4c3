import { useState } from 'react'
import { useParams } from 'react-router'

import { PageError, PageLoading } from '@/components/page-status'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Tabs } from '@/components/ui/tabs'
import { useAccount } from '@/features/accounts/api/get-account'
import { AccountOverview } from '@/features/accounts/components/account-overview'
import { SignMessageForm } from '@/features/signing/components/sign-message-form'
import { SignTypedDataForm } from '@/features/signing/components/sign-typed-data-form'
import { SendForm } from '@/features/transactions/components/send-form'
import { TransactionHistory } from '@/features/transactions/components/transaction-history'
import { useSelectedChain } from '@/hooks/use-selected-chain'

type Action = 'send' | 'sign-message' | 'sign-typed-data'

/**
 * An account's page: what it holds, what it can do (send, sign) and what
 * it has sent. Composed here from the features that do each.
 */
export function AccountRoute() {
  const { accountId = '' } = useParams()
  const account = useAccount(accountId)
  const selection = useSelectedChain()
  const [action, setAction] = useState<Action>('send')

  if (account.isPending) return <PageLoading label="Loading account…" />
  if (account.isError) {
    return (
      <PageError error={account.error} onRetry={() => void account.refetch()} />
    )
  }
  const { data } = account
  const { chain } = selection
  const address = data.address
  return (
    <div className="flex flex-col gap-6">
      <AccountOverview account={data} selection={selection} />
      {address !== null && chain !== undefined && (
        <Card>
          <CardContent>
            <Tabs
              label="What to do with this account"
              value={action}
              onValueChange={setAction}
              items={[
                {
                  value: 'send',
                  label: 'Send',
                  content: (
                    <SendForm
                      key={chain.id}
                      account={{ ...data, address }}
                      chain={chain}
                    />
                  ),
                },
                {
                  value: 'sign-message',
                  label: 'Sign message',
                  content: <SignMessageForm accountId={data.id} />,
                },
                {
                  value: 'sign-typed-data',
                  label: 'Sign typed data',
                  content: (
                    <SignTypedDataForm
                      accountId={data.id}
                      address={address}
                      chainId={chain.id}
                    />
                  ),
                },
              ]}
            />
          </CardContent>
        </Card>
      )}
      <Card>
        <CardHeader>
          <CardTitle>Sent transactions</CardTitle>
        </CardHeader>
        <CardContent>
          <TransactionHistory accountId={data.id} chains={selection.chains} />
        </CardContent>
      </Card>
    </div>
  )
}
