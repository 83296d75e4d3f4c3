import { sql } from 'drizzle-orm'
import {
  customType,
  index,
  pgTable,
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
