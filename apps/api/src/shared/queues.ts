import type { ConnectionOptions, DefaultJobOptions } from 'bullmq'
import { Type, type Static } from 'typebox'
import { Compile } from 'typebox/compile'

import { SignRequestSchema } from './sign-request.js'

/**
 * The queues between the API and the signers. A job carries only the id of
 * the row it works on: PostgreSQL holds the work, Redis only says that
 * there is some. The job id is the row id, so enqueuing the same work twice
 * adds nothing.
 */
export const WALLET_CREATE_QUEUE = 'wallet.create'
export const ACCOUNT_DERIVE_QUEUE = 'account.derive'
export const TRANSACTION_SEND_QUEUE = 'transaction.send'
export const QUEUE_NAMES = [
  WALLET_CREATE_QUEUE,
  ACCOUNT_DERIVE_QUEUE,
  TRANSACTION_SEND_QUEUE,
] as const
export type QueueName = (typeof QUEUE_NAMES)[number]

const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
})

export const WalletJobSchema = Type.Object(
  { walletId: Uuid },
  { additionalProperties: false },
)
export type WalletJob = Static<typeof WalletJobSchema>

/** Most accounts one request, and so one job, may derive. */
export const MAX_ACCOUNT_BATCH = 100

/**
 * One account, or a batch of one wallet's accounts asked for together:
 * a batch opens the wallet's chain key once and records every address in
 * one statement.
 */
export const AccountJobSchema = Type.Union([
  Type.Object({ accountId: Uuid }, { additionalProperties: false }),
  Type.Object(
    {
      accountIds: Type.Array(Uuid, {
        minItems: 1,
        maxItems: MAX_ACCOUNT_BATCH,
      }),
    },
    { additionalProperties: false },
  ),
])
export type AccountJob = Static<typeof AccountJobSchema>

/** The job id of a batch of accounts: `batch-` and its first id. */
export function accountBatchJobId(accountIds: string[]): string {
  return `batch-${accountIds[0]}`
}

/** The ids of the accounts an account job derives. */
export function accountIdsOf(job: AccountJob): string[] {
  return 'accountIds' in job ? job.accountIds : [job.accountId]
}

export const TransactionJobSchema = Type.Object(
  { transactionId: Uuid },
  { additionalProperties: false },
)
export type TransactionJob = Static<typeof TransactionJobSchema>

/** What a finished job reports: timing only, never anything secret. */
export const JobResultSchema = Type.Object({
  outcome: Type.Union([Type.Literal('done'), Type.Literal('already-done')]),
  durationMs: Type.Number(),
})
export type JobResult = Static<typeof JobResultSchema>

// Compiled once: every job and every job event is checked on its way.
const walletJob = Compile(WalletJobSchema)
const accountJob = Compile(AccountJobSchema)
const transactionJob = Compile(TransactionJobSchema)

export function isWalletJob(data: unknown): data is WalletJob {
  return walletJob.Check(data)
}

export function isAccountJob(data: unknown): data is AccountJob {
  return accountJob.Check(data)
}

export function isTransactionJob(data: unknown): data is TransactionJob {
  return transactionJob.Check(data)
}

/**
 * A transaction's nonce is taken when its row is recorded, so its job must
 * run until it is sent, or every later nonce of the account waits. A job
 * that fails for now (node down) is removed at once rather than kept for a
 * week, which would hold its id: the reconciler then announces the
 * still-queued row again.
 */
export const transactionJobOptions = { removeOnFail: true } as const

/**
 * Signing is request and response, not durable work: the caller waits for
 * the answer, no row records it, and the reconciler never announces it.
 * The job carries the caller's message or typed data (not secrets) and
 * returns the signature (public). Its id is random.
 */
export const ACCOUNT_SIGN_QUEUE = 'account.sign'

export const SignJobSchema = Type.Object(
  { accountId: Uuid, request: SignRequestSchema },
  { additionalProperties: false },
)
export type SignJob = Static<typeof SignJobSchema>

export const SignResultSchema = Type.Object({
  signature: Type.String({ pattern: '^0x[0-9a-f]{130}$' }),
  durationMs: Type.Number({ minimum: 0 }),
})
export type SignResult = Static<typeof SignResultSchema>

const signJob = Compile(SignJobSchema)
const signResult = Compile(SignResultSchema)

export function isSignJob(data: unknown): data is SignJob {
  return signJob.Check(data)
}

export function isSignResult(value: unknown): value is SignResult {
  return signResult.Check(value)
}

/**
 * One attempt: the caller is waiting, and a retry after it gave up would
 * sign for no one. The result reaches the caller in the job's completed
 * event, so the job itself is deleted as it completes.
 */
export const signJobOptions: DefaultJobOptions = {
  attempts: 1,
  removeOnComplete: true,
  removeOnFail: { age: 60 * 60 },
}

/** True for a finished job's report whose duration can be measured. */
const jobResult = Compile(JobResultSchema)

export function isJobResult(value: unknown): value is JobResult {
  return (
    jobResult.Check(value) &&
    Number.isFinite(value.durationMs) &&
    value.durationMs >= 0
  )
}

export const JOB_ATTEMPTS = 5

/** Retries with exponential backoff; finished jobs leave Redis in a day. */
export const jobOptions: DefaultJobOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 60 * 60, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 60 * 60 },
}

/** BullMQ's key prefix under the deployment's Redis prefix. */
export function queuePrefix(redisPrefix: string): string {
  return `${redisPrefix}:queue`
}

/** Connection options for BullMQ from a redis:// URL. */
export function queueConnection(
  redisUrl: string,
  overrides: Partial<ConnectionOptions> = {},
): ConnectionOptions {
  const url = new URL(redisUrl)
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === 'rediss:' && { tls: {} }),
    ...overrides,
  } as ConnectionOptions
}
