import { ChevronRight, Pencil, WalletMinimal } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'

import { EmptyState } from '@/components/empty-state'
import { ErrorNotice } from '@/components/error-notice'
import { StatusBadge } from '@/components/status-badge'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { Spinner } from '@/components/ui/spinner'
import type { Wallet } from '@/lib/api-types'
import { describeCreationFailure } from '@/lib/error-wording'
import { formatDateTime } from '@/lib/format'

import { useWallets } from '../api/list-wallets'
import { RenameWalletDialog } from './rename-wallet-dialog'

/** The person's wallets, newest first, each turning ready by itself. */
export function WalletList() {
  const wallets = useWallets()

  if (wallets.isPending) return <WalletListSkeleton />
  if (wallets.isError) {
    return (
      <ErrorNotice
        error={wallets.error}
        onRetry={() => void wallets.refetch()}
      />
    )
  }
  const items = wallets.data.pages.flatMap((page) => page.data)
  if (items.length === 0) {
    return (
      <EmptyState icon={WalletMinimal} title="No wallets yet">
        Name your first wallet above. Its keys are made and kept by Custos's
        signers; you will never need to handle a seed phrase.
      </EmptyState>
    )
  }
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Wallets" className="bg-card divide-y rounded-lg border">
        {items.map((wallet) => (
          <WalletRow key={wallet.id} wallet={wallet} />
        ))}
      </ul>
      {wallets.hasNextPage && (
        <Button
          variant="outline"
          className="self-center"
          disabled={wallets.isFetchingNextPage}
          onClick={() => void wallets.fetchNextPage()}
        >
          {wallets.isFetchingNextPage && <Spinner />}
          Show more
        </Button>
      )}
    </div>
  )
}

function WalletRow({ wallet }: { wallet: Wallet }) {
  const [renaming, setRenaming] = useState(false)
  return (
    <li className="flex items-center gap-2 px-3 py-3 sm:px-4">
      <Link
        to={`/wallets/${wallet.id}`}
        className="group flex min-w-0 flex-1 flex-col gap-1 rounded sm:flex-row sm:items-center sm:gap-3"
      >
        <span className="truncate font-medium group-hover:underline">
          {wallet.name}
        </span>
        <span className="flex items-center gap-2">
          <StatusBadge
            status={wallet.status}
            errorCode={wallet.errorCode}
            pendingLabel="Making keys…"
          />
          <span className="text-muted-foreground text-xs">
            {formatDateTime(wallet.createdAt)}
          </span>
        </span>
        {wallet.status === 'failed' && (
          <span className="text-danger text-xs">
            {describeCreationFailure(wallet.errorCode)}
          </span>
        )}
      </Link>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={`Rename ${wallet.name}`}
        title="Rename"
        onClick={() => setRenaming(true)}
      >
        <Pencil />
      </Button>
      <ChevronRight aria-hidden className="text-muted-foreground size-4" />
      <RenameWalletDialog
        wallet={wallet}
        open={renaming}
        onClose={() => setRenaming(false)}
      />
    </li>
  )
}

function WalletListSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading wallets"
      className="bg-card divide-y rounded-lg border"
    >
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex items-center gap-3 px-4 py-3.5">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-16 rounded-full" />
        </div>
      ))}
    </div>
  )
}
