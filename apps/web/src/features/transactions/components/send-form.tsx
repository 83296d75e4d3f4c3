import { useState } from 'react'

import type { Account, Chain, SendRequest } from '@/lib/api-types'

import { SendCompose, type SendDraft } from './send-compose'
import { SendReview } from './send-review'
import { TransactionProgress } from './transaction-progress'
import { Button } from '@/components/ui/button'

type Step =
  | { name: 'compose' }
  | { name: 'review'; request: SendRequest }
  | { name: 'sent'; transactionId: string }

export interface SendFormProps {
  account: Account & { address: string }
  chain: Chain
}

/**
 * Sending, in three steps: what and to whom, a review with the fee the
 * network asks now, then the transaction followed until it is final.
 */
export function SendForm({ account, chain }: SendFormProps) {
  const [step, setStep] = useState<Step>({ name: 'compose' })
  const [draft, setDraft] = useState<SendDraft>({ to: '', amount: '' })

  if (step.name === 'sent') {
    return (
      <div className="flex flex-col gap-4">
        <TransactionProgress transactionId={step.transactionId} chain={chain} />
        <Button
          variant="outline"
          className="self-start"
          onClick={() => {
            setDraft({ to: '', amount: '' })
            setStep({ name: 'compose' })
          }}
        >
          New transfer
        </Button>
      </div>
    )
  }
  if (step.name === 'review') {
    return (
      <SendReview
        account={account}
        chain={chain}
        request={step.request}
        onBack={() => setStep({ name: 'compose' })}
        onSent={(transactionId) => setStep({ name: 'sent', transactionId })}
      />
    )
  }
  return (
    <SendCompose
      account={account}
      chain={chain}
      draft={draft}
      onDraftChange={setDraft}
      onReview={(request) => setStep({ name: 'review', request })}
    />
  )
}
