import { ArrowLeft } from 'lucide-react'
import { Link } from 'react-router'

import { AccountBalance } from '@/components/account-balance'
import { ChainSelect } from '@/components/chain-select'
import { CopyButton } from '@/components/copy-button'
import { ErrorNotice } from '@/components/error-notice'
import { PageHeader } from '@/components/page-header'
import { StatusBadge } from '@/components/status-badge'
import { Card, CardContent } from '@/components/ui/card'
import type { SelectedChain } from '@/hooks/use-selected-chain'
import type { Account } from '@/lib/api-types'

import { FaucetButton } from './faucet-button'

export interface AccountOverviewProps {
  account: Account
  selection: SelectedChain
}

/** Which account this is, where it lives, and what it holds. */
export function AccountOverview({ account, selection }: AccountOverviewProps) {
  const { chain } = selection
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        before={
          <Link
            to={`/wallets/${account.walletId}${chain ? `?chain=${chain.id}` : ''}`}
            className="text-muted-foreground hover:text-foreground inline-flex w-fit items-center gap-1 rounded text-sm"
          >
            <ArrowLeft aria-hidden className="size-4" />
            Wallet
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {account.name ?? `Account ${account.index}`}
            {account.status !== 'ready' && (
              <StatusBadge
                status={account.status}
                errorCode={account.errorCode}
                pendingLabel="Deriving address…"
              />
            )}
          </span>
        }
        description={<span className="font-mono text-xs">{account.path}</span>}
      />
      <Card>
        <CardContent className="flex flex-col gap-5">
          <div className="flex flex-col gap-1">
            <span className="text-muted-foreground text-xs font-medium tracking-wide uppercase">
              Address
            </span>
            {account.address === null ? (
              <span className="text-muted-foreground text-sm">
                Not derived yet.
              </span>
            ) : (
              <span className="flex items-center gap-1">
                <span className="font-mono text-sm break-all">
                  {account.address}
                </span>
                <CopyButton value={account.address} label="Copy address" />
              </span>
            )}
          </div>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
            <div className="flex flex-col gap-1">
              <span className="text-muted-foreground text-xs font-medium tracking-wide uppercase">
                Balance
              </span>
              {account.status === 'ready' ? (
                <AccountBalance
                  accountId={account.id}
                  chain={chain}
                  className="text-2xl"
                />
              ) : (
                <span className="text-muted-foreground text-sm">—</span>
              )}
            </div>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <ChainSelect selection={selection} />
              {account.address !== null && chain !== undefined && (
                <FaucetButton address={account.address} chain={chain} />
              )}
            </div>
          </div>
          {selection.error !== null && <ErrorNotice error={selection.error} />}
        </CardContent>
      </Card>
    </div>
  )
}
