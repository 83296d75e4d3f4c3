import { PageHeader } from '@/components/page-header'
import { Card, CardContent } from '@/components/ui/card'

import { ApiKeyList } from './api-key-list'
import { CreateApiKeyForm } from './create-api-key-form'

export function ApiKeysPage() {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="API keys"
        description={
          <>
            A key acts as you, from a program:{' '}
            <code className="font-mono text-xs">
              Authorization: Bearer csk_…
            </code>
            . See the{' '}
            <a
              href="/docs"
              className="text-primary underline-offset-4 hover:underline"
            >
              API reference
            </a>
            .
          </>
        }
      />
      <Card>
        <CardContent>
          <CreateApiKeyForm />
        </CardContent>
      </Card>
      <ApiKeyList />
    </div>
  )
}
