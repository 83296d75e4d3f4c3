import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'

import type { Database } from '../../shared/db/client.js'
import { apiKeys } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { generateApiKey, parseApiKey, secretMatches } from '../auth/api-key.js'
import type { ApiKeyCache } from './api-key-cache.js'

export type ApiKey = typeof apiKeys.$inferSelect

export async function createApiKey(
  db: Database,
  userId: string,
  name: string,
): Promise<{ apiKey: ApiKey; key: string }> {
  const generated = generateApiKey()
  const [apiKey] = await db
    .insert(apiKeys)
    .values({
      id: generated.id,
      userId,
      name,
      secretHash: generated.secretHash,
    })
    .returning()
  return { apiKey: apiKey as ApiKey, key: generated.key }
}

/** A user's keys, revoked ones included, newest first. */
export async function listApiKeys(
  db: Database,
  userId: string,
): Promise<ApiKey[]> {
  return db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
}

/**
 * Revokes one of the user's keys. Another user's key id is reported as not
 * found, exactly as an id that never existed. Revoking twice is harmless.
 */
export async function revokeApiKey(
  db: Database,
  userId: string,
  id: string,
): Promise<ApiKey> {
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))
    .returning()
  if (!revoked) throw new AppError('API_KEY_NOT_FOUND')
  return revoked
}

// Last use is recorded at most this often, to spare a write per request.
const LAST_USED_RESOLUTION = sql`interval '30 seconds'`

/**
 * Finds the live key a caller presented. Unknown, malformed, revoked and
 * wrong-secret keys all fail alike, so an answer reveals nothing. A key
 * found in `cache` is not read again, nor its last use written again,
 * until its entry expires.
 */
export async function authenticateApiKey(
  db: Database,
  cache: ApiKeyCache,
  presented: string,
): Promise<ApiKey> {
  const parsed = parseApiKey(presented)
  if (!parsed) throw new AppError('INVALID_API_KEY')

  const cached = cache.get(parsed.id)
  const readAt = Date.now()
  const found =
    cached ??
    (await db.query.apiKeys.findFirst({
      where: and(eq(apiKeys.id, parsed.id), isNull(apiKeys.revokedAt)),
    }))
  if (!found || !secretMatches(parsed.secret, found.secretHash)) {
    throw new AppError('INVALID_API_KEY')
  }
  if (cached) return cached

  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, found.id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, sql`now() - ${LAST_USED_RESOLUTION}`),
        ),
      ),
    )
  cache.set(found, readAt)
  return found
}
