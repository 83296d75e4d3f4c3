import { Type, type Static, type TSchema } from 'typebox'

import type { transactions } from '../../shared/db/schema.js'
import { pageSchema, Timestamp } from '../http/schemas.js'
import type { SendEstimate } from './estimate-service.js'

export type Transaction = typeof transactions.$inferSelect

/** The most calldata a node's pool takes in one transaction: 128 KiB. */
export const MAX_DATA_BYTES = 128 * 1024

const Wei = (description: string) =>
  Type.String({ pattern: '^[0-9]{1,78}$', description })
const Nullable = <T extends TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()])

export const SendTransactionBodySchema = Type.Object(
  {
    // Checked by the service rather than a pattern, so that a bad length
    // and a bad checksum get the same code, INVALID_ADDRESS.
    to: Type.String({
      maxLength: 42,
      description:
        'The recipient: 0x and 40 hex digits; a mixed-case address must ' +
        'match its EIP-55 checksum',
    }),
    value: Wei('Wei to send, as a decimal string ("0" for none)'),
    data: Type.Optional(
      Type.String({
        pattern: '^0x([0-9a-fA-F]{2})*$',
        maxLength: 2 + 2 * MAX_DATA_BYTES,
        description:
          'Calldata, hex; up to 128 KiB, within the body limit ' +
          '(BODY_LIMIT_BYTES)',
      }),
    ),
    chainId: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Defaults to the first configured chain',
      }),
    ),
  },
  { additionalProperties: false },
)
export type SendTransactionBody = Static<typeof SendTransactionBodySchema>

export const TransactionStatusSchema = Type.Union(
  [
    Type.Literal('queued'),
    Type.Literal('submitted'),
    Type.Literal('confirmed'),
    Type.Literal('failed'),
  ],
  {
    description:
      'queued until a signer has broadcast it, submitted until it has ' +
      "the chain's confirmations, then confirmed, or failed (errorCode)",
  },
)

export const TransactionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  accountId: Type.String({ format: 'uuid' }),
  chainId: Type.Integer(),
  from: Type.String(),
  to: Type.String(),
  value: Wei('Wei sent'),
  data: Type.Union([Type.String(), Type.Null()]),
  nonce: Type.Integer({ minimum: 0 }),
  gasLimit: Wei('Gas limit: the estimate plus a margin'),
  maxFeePerGas: Wei('Fee cap of the latest attempt, wei per gas'),
  maxPriorityFeePerGas: Wei('Tip of the latest attempt, wei per gas'),
  status: TransactionStatusSchema,
  hash: Nullable(
    Type.String({
      description:
        'Of the latest signed attempt; once final, of the one mined. A ' +
        'replacement with higher fees has another hash.',
    }),
  ),
  blockNumber: Type.Union([Type.Integer(), Type.Null()]),
  gasUsed: Nullable(Wei('Gas used, once final')),
  effectiveGasPrice: Nullable(Wei('Wei paid per gas, once final')),
  feeWei: Nullable(Wei('Fee paid: gasUsed × effectiveGasPrice')),
  errorCode: Type.Union([Type.String(), Type.Null()], {
    description: 'Why it failed; see docs/errors.md',
  }),
  submittedAt: Type.Union([Timestamp, Type.Null()]),
  confirmedAt: Type.Union([Timestamp, Type.Null()], {
    description: 'When it became final, confirmed or failed',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type TransactionView = Static<typeof TransactionSchema>

export const TransactionPageSchema = pageSchema(TransactionSchema)

export function toTransactionView(row: Transaction): TransactionView {
  const fee =
    row.gasUsed !== null && row.effectiveGasPrice !== null
      ? (BigInt(row.gasUsed) * BigInt(row.effectiveGasPrice)).toString()
      : null
  return {
    id: row.id,
    accountId: row.accountId,
    chainId: row.chainId,
    from: row.fromAddress,
    to: row.toAddress,
    value: row.value,
    data: row.data,
    nonce: row.nonce,
    gasLimit: row.gasLimit,
    maxFeePerGas: row.maxFeePerGas,
    maxPriorityFeePerGas: row.maxPriorityFeePerGas,
    status: row.status,
    hash: row.hash,
    blockNumber: row.blockNumber,
    gasUsed: row.gasUsed,
    effectiveGasPrice: row.effectiveGasPrice,
    feeWei: fee,
    errorCode: row.errorCode,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export const SendEstimateSchema = Type.Object({
  chainId: Type.Integer(),
  gasLimit: Wei('Gas limit a send would get: the estimate plus a margin'),
  maxFeePerGas: Wei('Fee cap, wei per gas'),
  maxPriorityFeePerGas: Wei('Tip, wei per gas'),
  expectedFee: Wei('Fee at the current base fee: estimated gas × (base + tip)'),
  maxFee: Wei('The most the fee can be: gasLimit × maxFeePerGas'),
  available: Wei(
    'The balance, less what sends in flight may still cost; a send needs ' +
      'value + maxFee of it',
  ),
})
export type SendEstimateView = Static<typeof SendEstimateSchema>

export function toSendEstimateView(estimate: SendEstimate): SendEstimateView {
  return {
    chainId: estimate.chainId,
    gasLimit: estimate.gasLimit.toString(),
    maxFeePerGas: estimate.maxFeePerGas.toString(),
    maxPriorityFeePerGas: estimate.maxPriorityFeePerGas.toString(),
    expectedFee: estimate.expectedFee.toString(),
    maxFee: estimate.maxFee.toString(),
    available: estimate.available.toString(),
  }
}
