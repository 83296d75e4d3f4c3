import { FileSignature, RotateCcw } from 'lucide-react'
import { useState, type FormEvent } from 'react'

import { ErrorNotice } from '@/components/error-notice'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { Spinner } from '@/components/ui/spinner'
import { Textarea } from '@/components/ui/textarea'

import { useSignTypedData } from '../api/sign-typed-data'
import { SignatureOutput } from './signature-output'
import { parseTypedDataJson } from './typed-data-json'
import { typedDataSample } from './typed-data-sample'

export interface SignTypedDataFormProps {
  accountId: string
  address: string
  chainId: number
}

/** Signs EIP-712 typed data, edited as JSON from a sample. */
export function SignTypedDataForm({
  accountId,
  address,
  chainId,
}: SignTypedDataFormProps) {
  const [text, setText] = useState(() => typedDataSample(address, chainId))
  const sign = useSignTypedData()
  const parsed = parseTypedDataJson(text)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!parsed.ok) return
    sign.mutate({ accountId, typedData: parsed.typedData })
  }

  function edit(next: string) {
    setText(next)
    sign.reset()
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Sign typed data"
      className="flex flex-col gap-4"
    >
      <Field
        label="Typed data (JSON)"
        hint="domain, types, primaryType and message, as eth_signTypedData_v4 takes them. Give integers past 2^53 as strings."
        {...(!parsed.ok && { error: parsed.reason })}
      >
        {(control) => (
          <Textarea
            {...control}
            rows={16}
            spellCheck={false}
            autoCapitalize="none"
            className="font-mono text-xs leading-relaxed"
            value={text}
            onChange={(event) => edit(event.target.value)}
          />
        )}
      </Field>
      {sign.isError && <ErrorNotice error={sign.error} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={!parsed.ok || sign.isPending}>
          {sign.isPending ? <Spinner /> : <FileSignature />}
          Sign typed data
        </Button>
        {parsed.ok && (
          <Button
            variant="outline"
            onClick={() => edit(JSON.stringify(parsed.typedData, null, 2))}
          >
            Format
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => edit(typedDataSample(address, chainId))}
        >
          <RotateCcw />
          Reset to the sample
        </Button>
      </div>
      {sign.isSuccess && <SignatureOutput signature={sign.data} />}
    </form>
  )
}
