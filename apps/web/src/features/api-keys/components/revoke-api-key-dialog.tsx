import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Spinner } from '@/components/ui/spinner'
import type { ApiKey } from '@/lib/api-types'

import { useRevokeApiKey } from '../api/revoke-api-key'

export interface RevokeApiKeyDialogProps {
  apiKey: ApiKey
  open: boolean
  onClose: () => void
}

/** Asks before revoking: a revoked key cannot be brought back. */
export function RevokeApiKeyDialog({
  apiKey,
  open,
  onClose,
}: RevokeApiKeyDialogProps) {
  const revoke = useRevokeApiKey()

  function close() {
    revoke.reset()
    onClose()
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Revoke “${apiKey.name}”?`}
      description="Programs using this key are refused from now on. This cannot be undone."
    >
      {revoke.isError && <ErrorNotice error={revoke.error} />}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={close} autoFocus>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(apiKey.id, { onSuccess: close })}
        >
          {revoke.isPending && <Spinner />}
          Revoke key
        </Button>
      </div>
    </Dialog>
  )
}
