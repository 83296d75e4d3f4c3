import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  customType,
  index,
  integer,
  numeric,
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
    /**
     * The account's private key, sealed under the wallet's data key, so a
     * signer can sign without repeating seed-to-key derivation.
     */
    keyCiphertext: bytea('key_ciphertext'),
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

/** Wei and gas amounts: up to 78 digits, the range of a uint256. */
const uint256 = (name: string) => numeric(name, { precision: 78, scale: 0 })

/**
 * The next nonce of each sending address on each chain. Taking one is an
 * upsert that row-locks this row until the transaction recording the send
 * commits, so concurrent sends get consecutive nonces, with no gap.
 */
export const accountNonces = pgTable(
  'account_nonces',
  {
    chainId: integer('chain_id').notNull(),
    address: text('address').notNull(),
    nextNonce: bigint('next_nonce', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.chainId, table.address] })],
)

export const TRANSACTION_STATUSES = [
  'queued',
  'submitted',
  'confirmed',
  'failed',
] as const
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]

/**
 * A send from one of a user's accounts. `raw` and `hash` are those of the
 * latest signed attempt, written before it is broadcast, so a signer that
 * dies in between finds and rebroadcasts it rather than signing anew.
 */
export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    chainId: integer('chain_id').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    value: uint256('value').notNull(),
    data: text('data'),
    nonce: bigint('nonce', { mode: 'number' }).notNull(),
    gasLimit: uint256('gas_limit').notNull(),
    maxFeePerGas: uint256('max_fee_per_gas').notNull(),
    maxPriorityFeePerGas: uint256('max_priority_fee_per_gas').notNull(),
    status: text('status')
      .$type<TransactionStatus>()
      .notNull()
      .default('queued'),
    errorCode: text('error_code'),
    hash: text('hash'),
    raw: text('raw'),
    blockNumber: bigint('block_number', { mode: 'number' }),
    gasUsed: uint256('gas_used'),
    effectiveGasPrice: uint256('effective_gas_price'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('transactions_chain_from_nonce_key').on(
      table.chainId,
      table.fromAddress,
      table.nonce,
    ),
    index('transactions_account_created_idx').on(
      table.accountId,
      sql`${table.createdAt} desc`,
      sql`${table.id} desc`,
    ),
    index('transactions_open_idx')
      .on(table.status)
      .where(sql`${table.status} in ('queued', 'submitted')`),
    // What a sender's sends in flight may cost is summed over these two:
    // its open transactions, and those mined after a given block. Without
    // them the sum read every transaction the sender ever made.
    index('transactions_sender_open_idx')
      .on(table.chainId, table.fromAddress)
      .where(sql`${table.status} in ('queued', 'submitted')`),
    index('transactions_sender_block_idx').on(
      table.chainId,
      table.fromAddress,
      table.blockNumber,
    ),
    check(
      'transactions_status_check',
      sql`${table.status} in ('queued', 'submitted', 'confirmed', 'failed')`,
    ),
  ],
)

/**
 * What an attempt sends: the transaction as asked (`send`), or a zero-value
 * transfer to the sender itself (`cancel`) that fills the nonce of a
 * transaction the node refused, so that later nonces are not held up.
 */
export const ATTEMPT_KINDS = ['send', 'cancel'] as const
export type AttemptKind = (typeof ATTEMPT_KINDS)[number]

/**
 * Every signed version of a transaction: the first, and each replacement
 * with higher fees. Whichever is mined settles the transaction.
 */
export const transactionAttempts = pgTable(
  'transaction_attempts',
  {
    hash: text('hash').primaryKey(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => transactions.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AttemptKind>().notNull().default('send'),
    raw: text('raw').notNull(),
    maxFeePerGas: uint256('max_fee_per_gas').notNull(),
    maxPriorityFeePerGas: uint256('max_priority_fee_per_gas').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('transaction_attempts_tx_idx').on(table.transactionId),
    check(
      'transaction_attempts_kind_check',
      sql`${table.kind} in ('send', 'cancel')`,
    ),
  ],
)
