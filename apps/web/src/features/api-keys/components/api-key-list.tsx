import { KeySquare } from 'lucide-react'
import { useState } from 'react'

import { EmptyState } from '@/components/empty-state'
import { ErrorNotice } from '@/components/error-notice'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import type { ApiKey } from '@/lib/api-types'
import { formatDateTime } from '@/lib/format'

import { useApiKeys } from '../api/list-api-keys'
import { RevokeApiKeyDialog } from './revoke-api-key-dialog'

export function ApiKeyList() {
  const keys = useApiKeys()

  if (keys.isPending) {
    return (
      <div
        role="status"
        aria-label="Loading API keys"
        className="flex flex-col gap-2"
      >
        <Skeleton className="h-14" />
        <Skeleton className="h-14" />
      </div>
    )
  }
  if (keys.isError) {
    return (
      <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />
    )
  }
  if (keys.data.length === 0) {
    return (
      <EmptyState icon={KeySquare} title="No API keys">
        Create one above for a program that calls Custos for you.
      </EmptyState>
    )
  }
  return (
    <ul aria-label="API keys" className="bg-card divide-y rounded-lg border">
      {keys.data.map((key) => (
        <ApiKeyRow key={key.id} apiKey={key} />
      ))}
    </ul>
  )
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const [revoking, setRevoking] = useState(false)
  const revoked = apiKey.revokedAt !== null
  return (
    <li className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-4">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-center gap-2">
          <span className="truncate font-medium">{apiKey.name}</span>
          {revoked ? (
            <Badge tone="danger">Revoked</Badge>
          ) : (
            <Badge tone="success">Active</Badge>
          )}
        </div>
        <div className="text-muted-foreground flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
          <span className="font-mono">{apiKey.prefix}…</span>
          <span>Created {formatDateTime(apiKey.createdAt)}</span>
          <span>
            {apiKey.lastUsedAt === null
              ? 'Never used'
              : `Last used ${formatDateTime(apiKey.lastUsedAt)}`}
          </span>
          {apiKey.revokedAt !== null && (
            <span>Revoked {formatDateTime(apiKey.revokedAt)}</span>
          )}
        </div>
      </div>
      {!revoked && (
        <>
          <Button
            variant="outline"
            size="sm"
            className="text-danger self-start sm:self-auto"
            onClick={() => setRevoking(true)}
          >
            Revoke
          </Button>
          <RevokeApiKeyDialog
            apiKey={apiKey}
            open={revoking}
            onClose={() => setRevoking(false)}
          />
        </>
      )}
    </li>
  )
}
