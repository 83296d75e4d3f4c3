import { Type, type Static } from 'typebox'

import type { wallets } from '../../shared/db/schema.js'
import {
  AccountSchema,
  NameSchema,
  WorkStatusSchema,
  toAccountView,
  type AccountRow,
} from '../accounts/schemas.js'
import { pageSchema, Timestamp } from '../http/schemas.js'

export type Wallet = typeof wallets.$inferSelect
/** A wallet without its key columns: all the API ever reads. */
export type WalletRow = Pick<
  Wallet,
  'id' | 'userId' | 'name' | 'status' | 'errorCode' | 'createdAt' | 'updatedAt'
>

/** The public view: never a key column. */
export const WalletSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  status: WorkStatusSchema,
  errorCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})
export type WalletView = Static<typeof WalletSchema>

export const WalletWithAccountsSchema = Type.Intersect([
  WalletSchema,
  Type.Object({ accounts: Type.Array(AccountSchema) }),
])

export const CreateWalletBodySchema = Type.Object(
  { name: NameSchema },
  { additionalProperties: false },
)

export const WalletPageSchema = pageSchema(WalletSchema)

export function toWalletView(wallet: WalletRow): WalletView {
  return {
    id: wallet.id,
    name: wallet.name,
    status: wallet.status,
    errorCode: wallet.errorCode,
    createdAt: wallet.createdAt.toISOString(),
    updatedAt: wallet.updatedAt.toISOString(),
  }
}

export function toWalletWithAccounts(
  wallet: WalletRow,
  accounts: AccountRow[],
) {
  return { ...toWalletView(wallet), accounts: accounts.map(toAccountView) }
}
