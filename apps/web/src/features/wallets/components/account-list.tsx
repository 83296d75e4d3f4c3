import { ChevronRight, KeyRound } from 'lucide-react'
import { Link } from 'react-router'

import { AccountBalance } from '@/components/account-balance'
import { Address } from '@/components/address'
import { EmptyState } from '@/components/empty-state'
import { StatusBadge } from '@/components/status-badge'
import type { Account, Chain } from '@/lib/api-types'
import { describeCreationFailure } from '@/lib/error-wording'

export interface AccountListProps {
  accounts: Account[]
  chain: Chain | undefined
}

/** A wallet's accounts, each with its address and balance on `chain`. */
export function AccountList({ accounts, chain }: AccountListProps) {
  if (accounts.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No accounts yet">
        The wallet's first account appears here once its keys are made.
      </EmptyState>
    )
  }
  return (
    <ul aria-label="Accounts" className="bg-card divide-y rounded-lg border">
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} chain={chain} />
      ))}
    </ul>
  )
}

function AccountRow({
  account,
  chain,
}: {
  account: Account
  chain: Chain | undefined
}) {
  const name = account.name ?? `Account ${account.index}`
  const link = `/accounts/${account.id}${chain ? `?chain=${chain.id}` : ''}`
  return (
    <li className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-center gap-2">
          <Link to={link} className="truncate font-medium hover:underline">
            {name}
          </Link>
          <span className="text-muted-foreground font-mono text-xs">
            {account.path}
          </span>
        </div>
        {account.address !== null ? (
          <Address address={account.address} />
        ) : (
          <span className="flex items-center gap-2 text-sm">
            <StatusBadge
              status={account.status}
              errorCode={account.errorCode}
              pendingLabel="Deriving address…"
            />
            {account.status === 'failed' && (
              <span className="text-danger text-xs">
                {describeCreationFailure(account.errorCode)}
              </span>
            )}
          </span>
        )}
      </div>
      <div className="flex items-center justify-between gap-3 sm:justify-end">
        {account.status === 'ready' && (
          <AccountBalance accountId={account.id} chain={chain} />
        )}
        <Link
          to={link}
          aria-label={`Open ${name}`}
          className="text-muted-foreground hover:text-foreground rounded p-1"
        >
          <ChevronRight aria-hidden className="size-4" />
        </Link>
      </div>
    </li>
  )
}
