import { Plus } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { useIdempotencyKey } from '@/hooks/use-idempotency-key'
import type { WalletWithAccounts } from '@/lib/api-types'
import { NAME_MAX_LENGTH } from '@/lib/names'

import { useDeriveAccount } from '../api/derive-account'

/** Adds the wallet's next account, optionally named. */
export function DeriveAccountForm({ wallet }: { wallet: WalletWithAccounts }) {
  const [name, setName] = useState('')
  const [idempotencyKey, renewKey] = useIdempotencyKey()
  const derive = useDeriveAccount()
  const ready = wallet.status === 'ready'
  const tooLong = name.length > NAME_MAX_LENGTH

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!ready || tooLong) return
    const trimmed = name.trim()
    derive.mutate(
      {
        walletId: wallet.id,
        idempotencyKey,
        ...(trimmed !== '' && { name: trimmed }),
      },
      {
        onSuccess: () => {
          setName('')
          renewKey()
        },
      },
    )
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="New account"
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="New account"
          className="flex-1"
          hint={
            ready
              ? `Account ${wallet.accounts.length}, derived from this wallet's seed. The name is optional.`
              : 'Accounts can be added once the wallet is ready.'
          }
          {...(tooLong && {
            error: `A name has at most ${NAME_MAX_LENGTH} characters.`,
          })}
        >
          {(control) => (
            <Input
              {...control}
              placeholder="Name (optional)"
              disabled={!ready}
              value={name}
              onChange={(event) => {
                setName(event.target.value)
                derive.reset()
                renewKey()
              }}
            />
          )}
        </Field>
        <Button
          type="submit"
          className="sm:mt-6.5"
          disabled={!ready || derive.isPending}
        >
          {derive.isPending ? <Spinner /> : <Plus />}
          Derive account
        </Button>
      </div>
      {derive.isError && <ErrorNotice error={derive.error} />}
    </form>
  )
}
