import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Spinner } from '@/components/ui/spinner'
import { sessionStore } from '@/lib/session'

import { useCreateDevToken } from '../api/create-dev-token'

/** Why a user name cannot be used, or null when it can. */
export function userNameProblem(name: string): string | null {
  if (name === '') return 'Enter a user name.'
  if (/\s/.test(name)) return 'A user name cannot contain spaces.'
  if (name.length > 128) return 'A user name has at most 128 characters.'
  return null
}

/**
 * Signing in through the server's development issuer: any user name is
 * accepted, so this is offered only outside production.
 */
export function DevSignInForm({ next }: { next: string }) {
  const [name, setName] = useState('')
  const [touched, setTouched] = useState(false)
  const signIn = useCreateDevToken()
  const navigate = useNavigate()
  const problem = userNameProblem(name)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched(true)
    if (problem !== null) return
    signIn.mutate(name, {
      onSuccess: (token) => {
        sessionStore.start({ token, method: 'dev' })
        void navigate(next, { replace: true })
      },
    })
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field
        label="User name"
        hint="Development sign-in: any name works, and the same name is the same user."
        {...(touched && problem !== null && { error: problem })}
      >
        {(control) => (
          <Input
            {...control}
            autoFocus
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      {signIn.isError && <ErrorNotice error={signIn.error} />}
      <Button type="submit" disabled={signIn.isPending}>
        {signIn.isPending && <Spinner />}
        Sign in
      </Button>
    </form>
  )
}
