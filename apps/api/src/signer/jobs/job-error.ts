import { UnrecoverableError } from 'bullmq'

/**
 * A failure that retrying cannot mend (a missing row, bad job data, a
 * ciphertext that does not decrypt). BullMQ does not retry it; the row is
 * marked failed with `code`.
 */
export class PermanentJobError extends UnrecoverableError {
  constructor(readonly code: string) {
    super(code)
  }
}

/** The code recorded on a row whose work failed for good. */
export function failureCode(error: unknown): string {
  return error instanceof PermanentJobError ? error.code : 'SIGNER_ERROR'
}

/**
 * What of an error may be logged: its type, code and message. Library
 * errors can carry query parameters or buffers; those stay out of logs.
 */
export function errorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error }
  return {
    type: error.name,
    code: (error as { code?: unknown }).code,
    message: error.message.slice(0, 200),
  }
}
