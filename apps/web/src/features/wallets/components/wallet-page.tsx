import { ArrowLeft, Pencil } from 'lucide-react'
import { useState } from 'react'
import { Link, useParams } from 'react-router'

import { ChainSelect } from '@/components/chain-select'
import { PageHeader } from '@/components/page-header'
import { PageError, PageLoading } from '@/components/page-status'
import { StatusBadge } from '@/components/status-badge'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent } from '@/components/ui/card'
import { useSelectedChain } from '@/hooks/use-selected-chain'
import { describeCreationFailure } from '@/lib/error-wording'
import { formatDateTime } from '@/lib/format'

import { useWallet } from '../api/get-wallet'
import { AccountList } from './account-list'
import { DeriveAccountForm } from './derive-account-form'
import { RenameWalletDialog } from './rename-wallet-dialog'

export function WalletPage() {
  const { walletId = '' } = useParams()
  const wallet = useWallet(walletId)
  const selection = useSelectedChain()
  const [renaming, setRenaming] = useState(false)

  if (wallet.isPending) return <PageLoading label="Loading wallet…" />
  if (wallet.isError) {
    return (
      <PageError error={wallet.error} onRetry={() => void wallet.refetch()} />
    )
  }
  const { data } = wallet
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        before={
          <Link
            to="/"
            className="text-muted-foreground hover:text-foreground inline-flex w-fit items-center gap-1 rounded text-sm"
          >
            <ArrowLeft aria-hidden className="size-4" />
            Wallets
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            {data.name}
            <StatusBadge
              status={data.status}
              errorCode={data.errorCode}
              pendingLabel="Making keys…"
            />
          </span>
        }
        description={`Created ${formatDateTime(data.createdAt)}`}
        actions={
          <Button variant="outline" size="sm" onClick={() => setRenaming(true)}>
            <Pencil />
            Rename
          </Button>
        }
      />
      {data.status === 'failed' && (
        <Alert tone="danger">{describeCreationFailure(data.errorCode)}</Alert>
      )}
      <section
        aria-labelledby="accounts-heading"
        className="flex flex-col gap-3"
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="accounts-heading" className="text-lg font-semibold">
            Accounts
          </h2>
          <div className="flex items-center gap-2">
            <span className="text-muted-foreground text-sm whitespace-nowrap">
              Balances on
            </span>
            <ChainSelect selection={selection} />
          </div>
        </div>
        <AccountList accounts={data.accounts} chain={selection.chain} />
      </section>
      <Card>
        <CardContent>
          <DeriveAccountForm wallet={data} />
        </CardContent>
      </Card>
      <RenameWalletDialog
        wallet={data}
        open={renaming}
        onClose={() => setRenaming(false)}
      />
    </div>
  )
}
