import { Plus } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { useIdempotencyKey } from '@/hooks/use-idempotency-key'
import { NAME_MAX_LENGTH, nameProblem } from '@/lib/names'

import { useCreateWallet } from '../api/create-wallet'

/** Names a new wallet; it joins the list at once, pending. */
export function CreateWalletForm() {
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const [idempotencyKey, renewKey] = useIdempotencyKey()
  const create = useCreateWallet()
  const problem = nameProblem(name)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (problem !== null) return
    create.mutate(
      { name: name.trim(), idempotencyKey },
      {
        onSuccess: () => {
          setName('')
          setTouched(false)
          renewKey()
        },
      },
    )
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="New wallet"
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="New wallet"
          className="flex-1"
          hint="A signer makes its seed and first account; this takes a moment."
          {...(touched && problem !== null && { error: problem })}
        >
          {(control) => (
            <Input
              {...control}
              placeholder="Savings"
              maxLength={NAME_MAX_LENGTH + 1}
              value={name}
              onChange={(event) => {
                setName(event.target.value)
                create.reset()
                renewKey()
              }}
            />
          )}
        </Field>
        <Button type="submit" className="sm:mt-6.5" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : <Plus />}
          Create wallet
        </Button>
      </div>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  )
}
