import { ArrowRight } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { parseAddress } from '@/lib/address'
import { parseAmount } from '@/lib/amount'
import type { Account, Chain, SendRequest } from '@/lib/api-types'

/** What the person has typed so far. */
export interface SendDraft {
  to: string
  amount: string
}

export interface SendComposeProps {
  account: Account & { address: string }
  chain: Chain
  draft: SendDraft
  onDraftChange: (draft: SendDraft) => void
  onReview: (request: SendRequest) => void
}

/** The recipient and amount, each checked as it is typed. */
export function SendCompose({
  account,
  chain,
  draft,
  onDraftChange,
  onReview,
}: SendComposeProps) {
  const [submitted, setSubmitted] = useState(false)
  const { symbol, decimals } = chain.nativeCurrency
  const recipient = parseAddress(draft.to)
  const amount = parseAmount(draft.amount, decimals)
  const toSelf =
    recipient.ok &&
    recipient.address.toLowerCase() === account.address.toLowerCase()

  const recipientError = recipient.ok
    ? undefined
    : (recipient.reason ??
      (submitted ? 'Enter the recipient’s address.' : undefined))
  const amountError = amount.ok
    ? undefined
    : (amount.reason ??
      (submitted ? `Enter how much ${symbol} to send.` : undefined))

  function submit(event: FormEvent) {
    event.preventDefault()
    setSubmitted(true)
    if (!recipient.ok || !amount.ok) return
    onReview({
      to: recipient.address,
      value: amount.wei.toString(),
      chainId: chain.id,
    })
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Send"
      className="flex flex-col gap-4"
    >
      <Field
        label="Recipient"
        hint={
          toSelf
            ? 'This is this account’s own address: the transfer comes back to it, less the fee.'
            : 'An Ethereum address: 0x and 40 hexadecimal characters.'
        }
        {...(recipientError !== undefined && { error: recipientError })}
      >
        {(control) => (
          <Input
            {...control}
            className="font-mono"
            placeholder="0x…"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={draft.to}
            onChange={(event) =>
              onDraftChange({ ...draft, to: event.target.value })
            }
          />
        )}
      </Field>
      <Field
        label={`Amount (${symbol})`}
        hint={`In ${chain.nativeCurrency.name}, such as 0.5. The network fee is added on top.`}
        {...(amountError !== undefined && { error: amountError })}
      >
        {(control) => (
          <Input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.0"
            value={draft.amount}
            onChange={(event) =>
              onDraftChange({ ...draft, amount: event.target.value })
            }
          />
        )}
      </Field>
      <Button type="submit" className="self-start">
        Review
        <ArrowRight />
      </Button>
    </form>
  )
}
