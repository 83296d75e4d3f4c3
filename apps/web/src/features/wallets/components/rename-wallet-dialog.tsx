import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import type { Wallet } from '@/lib/api-types'
import { NAME_MAX_LENGTH, nameProblem } from '@/lib/names'

import { useRenameWallet } from '../api/rename-wallet'

export interface RenameWalletDialogProps {
  wallet: Wallet
  open: boolean
  onClose: () => void
}

export function RenameWalletDialog({
  wallet,
  open,
  onClose,
}: RenameWalletDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Rename wallet">
      <RenameForm key={String(open)} wallet={wallet} onDone={onClose} />
    </Dialog>
  )
}

function RenameForm({
  wallet,
  onDone,
}: {
  wallet: Wallet
  onDone: () => void
}) {
  const [name, setName] = useState(wallet.name)
  const rename = useRenameWallet()
  const problem = nameProblem(name)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (problem !== null) return
    rename.mutate(
      { walletId: wallet.id, name: name.trim() },
      { onSuccess: onDone },
    )
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field label="Name" {...(problem !== null && { error: problem })}>
        {(control) => (
          <Input
            {...control}
            autoFocus
            maxLength={NAME_MAX_LENGTH + 1}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      {rename.isError && <ErrorNotice error={rename.error} />}
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={rename.isPending || problem !== null}>
          {rename.isPending && <Spinner />}
          Save
        </Button>
      </div>
    </form>
  )
}
