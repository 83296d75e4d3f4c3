import { sql } from 'drizzle-orm'
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const bytea = customType<{ data: Buffer }>({
  dataType: () => 'bytea',
})

const createdAt = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()

/** Work done by a signer: `pending` until it is, then `ready` or `failed`. */
export const WORK_STATUSES = ['pending', 'ready', 'failed'] as const
export type WorkStatus = (typeof WORK_STATUSES)[number]
const statusCheck = (name: string, column: unknown) =>
  check(name, sql`${column} in ('pending', 'ready', 'failed')`)

/**
 * A person, known by the issuer that signed them in and that issuer's
 * subject. The pair is the identity: the same `sub` from two issuers is two
 * different users.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    email: text('email'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('users_issuer_subject_key').on(table.issuer, table.subject),
  ],
)

/**
 * A credential for integrators. Only a SHA-256 hash of the secret part is
 * kept; the key itself is shown once, when it is made.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    secretHash: bytea('secret_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    index('api_keys_user_created_idx').on(
      table.userId,
      sql`${table.createdAt} desc`,
    ),
  ],
)

/**
 * A wallet: one BIP-39 seed, made by a signer. The key columns are empty
 * while the wallet is pending. The seed's entropy and the BIP-44 chain node
 * (m/44'/60'/0'/0) are each encrypted under the wallet's own data key, which
 * is wrapped by the master key named in `master_key_id`. Nothing here can be
 * read without that master key, which only signers hold.
 */
export const wallets = pgTable(
  'wallets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: text('status').$type<WorkStatus>().notNull().default('pending'),
    errorCode: text('error_code'),
    /** The next account index to hand out; allocated under a row lock. */
    nextAccountIndex: integer('next_account_index').notNull().default(1),
    keyVersion: integer('key_version'),
    masterKeyId: text('master_key_id'),
    wrappedDataKey: bytea('wrapped_data_key'),
    seedCiphertext: bytea('seed_ciphertext'),
    chainKeyCiphertext: bytea('chain_key_ciphertext'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('wallets_user_created_idx').on(
      table.userId,
      sql`${table.createdAt} desc`,
      sql`${table.id} desc`,
    ),
    index('wallets_pending_idx')
      .on(table.createdAt)
      .where(sql`${table.status} = 'pending'`),
    index('wallets_master_key_idx').on(table.masterKeyId),
    statusCheck('wallets_status_check', table.status),
  ],
)

/** An address derived from a wallet at m/44'/60'/0'/0/<index>. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    walletId: uuid('wallet_id')
      .notNull()
      .references(() => wallets.id, { onDelete: 'cascade' }),
    // Kept beside the wallet's so that ownership checks need no join.
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    index: integer('index').notNull(),
    name: text('name'),
    status: text('status').$type<WorkStatus>().notNull().default('pending'),
    errorCode: text('error_code'),
    address: text('address'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('accounts_wallet_index_key').on(table.walletId, table.index),
    uniqueIndex('accounts_address_key').on(table.address),
    index('accounts_user_idx').on(table.userId),
    index('accounts_pending_idx')
      .on(table.createdAt)
      .where(sql`${table.status} = 'pending'`),
    statusCheck('accounts_status_check', table.status),
    check('accounts_index_check', sql`${table.index} >= 0`),
  ],
)

/**
 * One row per (user, Idempotency-Key): the unique key is what makes a
 * repeated request a replay rather than a second creation. The first
 * answer is kept and sent again.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
)
