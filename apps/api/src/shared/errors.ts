/**
 * Every error Custos reports, defined once: a stable code that clients can
 * rely on, the HTTP status it maps to, and a default message. The table in
 * docs/errors.md lists the same codes; a test keeps the two in step.
 */
export const errorCatalog = {
  BAD_REQUEST: { status: 400, message: 'The request is malformed' },
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid' },
  INVALID_JSON: { status: 400, message: 'The body is not valid JSON' },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Sign in or send an API key: Authorization: Bearer <credential>',
  },
  INVALID_TOKEN: { status: 401, message: 'The sign-in token is not valid' },
  TOKEN_EXPIRED: { status: 401, message: 'The sign-in token has expired' },
  ADDITIONAL_AUTH_REQUIRED: {
    status: 401,
    message: 'Sign-in is not complete: more authentication is required',
  },
  INVALID_API_KEY: {
    status: 401,
    message: 'The API key is not valid or has been revoked',
  },
  SESSION_REQUIRED: {
    status: 403,
    message: 'This action needs a signed-in user, not an API key',
  },
  INVALID_CURSOR: { status: 400, message: 'The page cursor is not valid' },
  UNKNOWN_CHAIN: {
    status: 400,
    message: 'No chain with this id is configured; see GET /v1/chains',
  },
  INVALID_ADDRESS: {
    status: 400,
    message:
      'Not an address: 0x and 40 hex digits, matching its EIP-55 checksum ' +
      'when in mixed case',
  },
  INVALID_TYPED_DATA: {
    status: 400,
    message: 'The typed data cannot be hashed as EIP-712',
  },
  NOT_FOUND: { status: 404, message: 'Nothing exists at this address' },
  WALLET_NOT_FOUND: { status: 404, message: 'Wallet not found' },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'Account not found' },
  API_KEY_NOT_FOUND: { status: 404, message: 'API key not found' },
  TRANSACTION_NOT_FOUND: { status: 404, message: 'Transaction not found' },
  WALLET_NOT_READY: {
    status: 409,
    message: 'The wallet is not ready: wait until its status is ready',
  },
  ACCOUNT_NOT_READY: {
    status: 409,
    message: 'The account is not ready: wait until it has an address',
  },
  FAUCET_UNAVAILABLE: {
    status: 409,
    message: "The chain's node has no prefunded account to give from",
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This Idempotency-Key was used for a different request',
  },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Send the body as application/json',
  },
  INSUFFICIENT_FUNDS: {
    status: 422,
    message:
      'The balance cannot pay the value and the most gas may cost, on top ' +
      "of the account's transactions still in flight",
  },
  TRANSACTION_WOULD_REVERT: {
    status: 422,
    message: "The chain's node says this transaction would revert",
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests; retry later' },
  INTERNAL_ERROR: { status: 500, message: 'Internal server error' },
  NOT_READY: {
    status: 503,
    message: 'Custos is not ready: a dependency is unreachable',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'A service Custos depends on is unavailable; retry later',
  },
  NODE_UNAVAILABLE: {
    status: 503,
    message: "The chain's node did not answer; retry later",
  },
  SIGNER_UNAVAILABLE: {
    status: 503,
    message: 'No signer answered in time; retry later',
  },
  AUTH_ISSUER_UNAVAILABLE: {
    status: 503,
    message: "The sign-in issuer's keys could not be fetched; retry later",
  },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCatalog

/** The one error class of the application: a code, a status, a message. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly statusCode: number

  constructor(code: ErrorCode, message?: string, options?: ErrorOptions) {
    super(message ?? errorCatalog[code].message, options)
    this.name = 'AppError'
    this.code = code
    this.statusCode = errorCatalog[code].status
  }
}
