import { Plus } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { NAME_MAX_LENGTH, nameProblem } from '@/lib/names'

import { useCreateApiKey } from '../api/create-api-key'
import { NewApiKeySecret } from './new-api-key-secret'

export function CreateApiKeyForm() {
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const create = useCreateApiKey()
  const problem = nameProblem(name)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (problem !== null) return
    create.mutate(name.trim(), {
      onSuccess: () => {
        setName('')
        setTouched(false)
      },
    })
  }

  if (create.isSuccess) {
    return <NewApiKeySecret apiKey={create.data} onDismiss={create.reset} />
  }
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="New API key"
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="New API key"
          className="flex-1"
          hint="For a program calling the API as you. Name it after where it will be used."
          {...(touched && problem !== null && { error: problem })}
        >
          {(control) => (
            <Input
              {...control}
              placeholder="Billing service"
              maxLength={NAME_MAX_LENGTH + 1}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Button type="submit" className="sm:mt-6.5" disabled={create.isPending}>
          {create.isPending ? <Spinner /> : <Plus />}
          Create key
        </Button>
      </div>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  )
}
