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

const CODE = /^[A-Z][A-Z_]*$/
// BullMQ's reason for a job it failed because it stalled too often.
const STALLED = /stalled more than allowable limit/

/**
 * The code to record for a job that failed with `reason`: a signer's
 * failures are codes; a job that stalled too often killed its signers.
 */
export function failureCodeOf(reason: string | undefined): string {
  if (reason && CODE.test(reason)) return reason
  if (reason && STALLED.test(reason)) return 'SIGNER_CRASHED'
  return 'SIGNER_ERROR'
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
