import { CopyButton } from '@/components/copy-button'

/** A signature, whole and selectable, with a copy button. */
export function SignatureOutput({ signature }: { signature: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">Signature</span>
        <CopyButton
          value={signature}
          label="Copy signature"
          showLabel
          variant="outline"
        />
      </div>
      <output
        data-testid="signature"
        className="bg-muted block rounded-md border p-3 font-mono text-xs break-all select-all"
      >
        {signature}
      </output>
    </div>
  )
}
