import { Type, type Static } from 'typebox'

import type { accounts } from '../../shared/db/schema.js'
import { MAX_ACCOUNT_BATCH } from '../../shared/queues.js'
import { Timestamp, VISIBLE_TEXT_PATTERN } from '../http/schemas.js'

export type Account = typeof accounts.$inferSelect
/** An account without its sealed key: all the API needs to show one. */
export type AccountRow = Omit<Account, 'keyCiphertext'>

export const WorkStatusSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('ready'), Type.Literal('failed')],
  { description: 'pending until a signer has done the work' },
)

export const NameSchema = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: VISIBLE_TEXT_PATTERN,
})

export const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  walletId: Type.String({ format: 'uuid' }),
  index: Type.Integer({ minimum: 0 }),
  path: Type.String({ description: "BIP-44 path, m/44'/60'/0'/0/<index>" }),
  name: Type.Union([Type.String(), Type.Null()]),
  status: WorkStatusSchema,
  address: Type.Union([Type.String(), Type.Null()], {
    description: 'EIP-55 checksummed; null until ready',
  }),
  errorCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type AccountView = Static<typeof AccountSchema>

export const CreateAccountBodySchema = Type.Object(
  { name: Type.Optional(NameSchema) },
  { additionalProperties: false },
)

export const CreateAccountsBodySchema = Type.Object(
  {
    count: Type.Integer({
      minimum: 1,
      maximum: MAX_ACCOUNT_BATCH,
      description: 'How many accounts, at consecutive indices',
    }),
  },
  { additionalProperties: false },
)

export const RenameBodySchema = Type.Object(
  { name: NameSchema },
  { additionalProperties: false },
)

export const AccountListSchema = Type.Object({
  data: Type.Array(AccountSchema),
})

export function toAccountView(account: AccountRow): AccountView {
  return {
    id: account.id,
    walletId: account.walletId,
    index: account.index,
    path: `m/44'/60'/0'/0/${account.index}`,
    name: account.name,
    status: account.status,
    address: account.address,
    errorCode: account.errorCode,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  }
}

export const BalanceSchema = Type.Object({
  chainId: Type.Integer(),
  wei: Type.String({ pattern: '^[0-9]+$', description: 'Decimal wei' }),
  formatted: Type.String({ description: 'In whole units, e.g. ether' }),
  symbol: Type.String(),
})
