import { PenLine } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Spinner } from '@/components/ui/spinner'
import { Textarea } from '@/components/ui/textarea'

import { useSignMessage } from '../api/sign-message'
import { SignatureOutput } from './signature-output'

// The API's limit, in characters.
const MESSAGE_MAX_LENGTH = 65_536

/** Signs a text message with the account's key (EIP-191). */
export function SignMessageForm({ accountId }: { accountId: string }) {
  const [message, setMessage] = useState('')
  const sign = useSignMessage()
  const tooLong = message.length > MESSAGE_MAX_LENGTH

  function submit(event: FormEvent) {
    event.preventDefault()
    if (message === '' || tooLong) return
    sign.mutate({ accountId, message })
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Sign a message"
      className="flex flex-col gap-4"
    >
      <Field
        label="Message"
        hint="Signed as personal_sign does, so any app can check who signed it. A message cannot sign a transaction."
        {...(tooLong && {
          error: `A message has at most ${MESSAGE_MAX_LENGTH.toLocaleString()} characters.`,
        })}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={4}
            placeholder="I own this address."
            value={message}
            onChange={(event) => {
              setMessage(event.target.value)
              sign.reset()
            }}
          />
        )}
      </Field>
      {sign.isError && <ErrorNotice error={sign.error} />}
      <Button
        type="submit"
        className="self-start"
        disabled={message === '' || tooLong || sign.isPending}
      >
        {sign.isPending ? <Spinner /> : <PenLine />}
        Sign message
      </Button>
      {sign.isSuccess && <SignatureOutput signature={sign.data} />}
    </form>
  )
}
