import { TriangleAlert } from 'lucide-react'

import { CopyButton } from '@/components/copy-button'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import type { NewApiKey } from '@/lib/api-types'

export interface NewApiKeySecretProps {
  apiKey: NewApiKey
  onDismiss: () => void
}

/** A new key's secret, shown this once, with a way to copy it. */
export function NewApiKeySecret({ apiKey, onDismiss }: NewApiKeySecretProps) {
  return (
    <div className="flex flex-col gap-3">
      <Alert tone="warning">
        <TriangleAlert aria-hidden />
        <p>
          Copy the key <strong>{apiKey.name}</strong> now and keep it somewhere
          safe. It will not be shown again: Custos stores only a hash of it.
          Anyone holding it can act as you, except make more keys.
        </p>
      </Alert>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid="new-api-key"
          className="bg-muted min-w-0 flex-1 rounded-md border px-3 py-2 font-mono text-xs break-all select-all"
        >
          {apiKey.key}
        </code>
        <CopyButton
          value={apiKey.key}
          label="Copy key"
          showLabel
          variant="outline"
        />
      </div>
      <Button variant="secondary" className="self-end" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  )
}
