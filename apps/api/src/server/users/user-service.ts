import { and, eq } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { users } from '../../shared/db/schema.js'
import type { TokenIdentity } from '../auth/token-verifier.js'

export type User = typeof users.$inferSelect

/**
 * Returns the user a verified token names, creating the row on first use.
 * Concurrent first requests both succeed: the insert yields to the unique
 * (issuer, subject) index and the loser reads the winner's row.
 */
export async function findOrCreateUser(
  db: Database,
  identity: TokenIdentity,
): Promise<User> {
  const existing = await findUser(db, identity)
  if (existing) return refreshEmail(db, existing, identity.email)

  const [created] = await db
    .insert(users)
    .values({
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.email,
    })
    .onConflictDoNothing()
    .returning()
  return created ?? ((await findUser(db, identity)) as User)
}

async function findUser(
  db: Database,
  identity: TokenIdentity,
): Promise<User | undefined> {
  return db.query.users.findFirst({
    where: and(
      eq(users.issuer, identity.issuer),
      eq(users.subject, identity.subject),
    ),
  })
}

/** Email is optional in tokens; a new one replaces the stored one. */
async function refreshEmail(
  db: Database,
  user: User,
  email: string | undefined,
): Promise<User> {
  if (email === undefined || email === user.email) return user
  await db.update(users).set({ email }).where(eq(users.id, user.id))
  return { ...user, email }
}

export async function getUser(db: Database, id: string): Promise<User> {
  return (await db.query.users.findFirst({ where: eq(users.id, id) })) as User
}
