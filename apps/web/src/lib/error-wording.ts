import { ApiError, NETWORK_ERROR } from './api-error'

/** What to tell a person about an error: a sentence, and maybe more. */
export interface ErrorWording {
  title: string
  detail?: string
}

const TRY_AGAIN_SOON = 'Try again in a moment.'

// One sentence per code in docs/errors.md, written for the person using
// the UI rather than for a developer.
const WORDS: Record<string, string> = {
  [NETWORK_ERROR]:
    'Custos could not be reached. Check your connection, then try again.',
  BAD_REQUEST: 'The server could not understand this request.',
  VALIDATION_FAILED: 'Some of what was entered was not accepted.',
  INVALID_JSON: 'The server could not read this request.',
  INVALID_CURSOR: 'That page of the list no longer exists. Reload the page.',
  UNKNOWN_CHAIN: 'That chain is not one this server works with.',
  INVALID_ADDRESS:
    'That is not a valid address: it should be 0x and 40 hexadecimal ' +
    'characters, with any capital letters matching its checksum.',
  INVALID_TYPED_DATA: 'This typed data cannot be signed as EIP-712.',
  UNAUTHENTICATED: 'You are not signed in.',
  INVALID_TOKEN: 'Your sign-in is no longer valid. Sign in again.',
  TOKEN_EXPIRED: 'Your session has expired. Sign in again.',
  ADDITIONAL_AUTH_REQUIRED:
    'Your sign-in is not complete: finish the extra verification step, ' +
    'then try again.',
  INVALID_API_KEY: 'That API key is unknown, or it was revoked.',
  SESSION_REQUIRED: 'Only a signed-in person can do this; an API key cannot.',
  NOT_FOUND: 'There is nothing at this address.',
  API_KEY_NOT_FOUND: 'This API key does not exist, or was already removed.',
  TRANSACTION_NOT_FOUND: 'This transaction does not exist, or is not yours.',
  WALLET_NOT_FOUND: 'This wallet does not exist, or is not yours.',
  ACCOUNT_NOT_FOUND: 'This account does not exist, or is not yours.',
  WALLET_NOT_READY:
    'The wallet is not ready yet. Accounts can be added once its keys ' +
    'are made.',
  ACCOUNT_NOT_READY: 'This account has no address yet. Wait until it is ready.',
  FAUCET_UNAVAILABLE:
    "The development faucet found no funded account on this chain's node.",
  IDEMPOTENCY_KEY_REUSED:
    'This request was already made with other details. Start again.',
  PAYLOAD_TOO_LARGE: 'That is too large to send.',
  UNSUPPORTED_MEDIA_TYPE: 'The server expected this request as JSON.',
  INSUFFICIENT_FUNDS:
    'The balance cannot pay this amount plus the most the network fee ' +
    'may cost, counting sends still under way.',
  TRANSACTION_WOULD_REVERT:
    'The network says this transaction would fail, so nothing was sent.',
  RATE_LIMITED: 'Too many requests in a short time.',
  INTERNAL_ERROR: 'Something went wrong on the server.',
  NOT_READY: `Custos is not ready: its database or Redis is not answering. ${TRY_AGAIN_SOON}`,
  SERVICE_UNAVAILABLE: `A service Custos depends on is unavailable. ${TRY_AGAIN_SOON}`,
  NODE_UNAVAILABLE: `The blockchain node is not answering. ${TRY_AGAIN_SOON}`,
  SIGNER_UNAVAILABLE: `No signer answered in time. ${TRY_AGAIN_SOON}`,
  AUTH_ISSUER_UNAVAILABLE: `The sign-in service could not be reached to check your sign-in. ${TRY_AGAIN_SOON}`,
}

// Codes whose server message names the field or value at fault.
const EXPLAINED_BY_MESSAGE = new Set([
  'VALIDATION_FAILED',
  'INVALID_TYPED_DATA',
])

/** Words for any error a call may throw. */
export function describeError(error: unknown): ErrorWording {
  if (!(error instanceof ApiError)) {
    return { title: 'Something went wrong in this page. Reload it.' }
  }
  const title = WORDS[error.code]
  if (title === undefined) {
    return {
      title: `The server refused this (${error.code}).`,
      detail: error.message,
    }
  }
  if (EXPLAINED_BY_MESSAGE.has(error.code)) {
    return { title, detail: error.message }
  }
  if (error.code === 'RATE_LIMITED') {
    const wait = error.retryAfter ?? 60
    return { title, detail: `Wait ${wait} s, then try again.` }
  }
  if (error.status >= 500 && error.requestId !== null) {
    return {
      title,
      detail: `If it keeps happening, report request id ${error.requestId}.`,
    }
  }
  return { title }
}

/** The HTTP error codes the UI has words for. */
export function describedCodes(): string[] {
  return Object.keys(WORDS)
}

const TRANSACTION_FAILURES: Record<string, string> = {
  EXECUTION_REVERTED: 'It was mined but reverted; its fee was paid.',
  INSUFFICIENT_FUNDS:
    'When it was broadcast, the balance could not pay for it. Nothing was ' +
    'sent; a small fee filled its place in the queue.',
  GAS_TOO_LOW: 'The network refused its gas limit as too low.',
  GAS_LIMIT_TOO_HIGH: "The network refused its gas limit as above the block's.",
  TRANSACTION_REJECTED: 'The network refused it.',
  NONCE_CONFLICT:
    'Another transaction from this address, not sent by Custos, took its ' +
    'place.',
  DECRYPTION_FAILED: "The signer could not open this account's key.",
  MASTER_KEY_MISMATCH: "The signer could not open this account's key.",
  UNSUPPORTED_KEY_VERSION: "The signer could not open this account's key.",
  ACCOUNT_KEY_MISSING: "The signer could not find this account's key.",
  UNKNOWN_CHAIN: 'No signer works with this chain any more.',
}

/** Why a transaction ended `failed`, from its `errorCode`. */
export function describeTransactionFailure(code: string | null): string {
  return (
    (code !== null && TRANSACTION_FAILURES[code]) ||
    `It failed${code === null ? '' : ` (${code})`}.`
  )
}

const CREATION_FAILURES: Record<string, string> = {
  SIGNER_ERROR: 'The signer failed to make its keys, and gave up.',
  SIGNER_CRASHED: 'The signer stopped while making its keys, too many times.',
  DECRYPTION_FAILED: "The signer could not open the wallet's keys.",
  MASTER_KEY_MISMATCH: "The signer could not open the wallet's keys.",
  UNSUPPORTED_KEY_VERSION: "The signer could not open the wallet's keys.",
  WALLET_KEYS_MISSING: "The wallet's keys are missing.",
}

/** Why a wallet or account ended `failed`, from its `errorCode`. */
export function describeCreationFailure(code: string | null): string {
  return (
    (code !== null && CREATION_FAILURES[code]) ||
    `Its keys could not be made${code === null ? '' : ` (${code})`}.`
  )
}
