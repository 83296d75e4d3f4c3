import { createHash } from 'node:crypto'

import { and, eq } from 'drizzle-orm'
import { Type } from 'typebox'

import type { Database } from '../../shared/db/client.js'
import { idempotencyKeys } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x21-\\x7E]+$',
      description:
        'Makes a retry safe: a repeat with the same key and body returns ' +
        'the first answer and creates nothing',
    }),
  ),
})

export interface IdempotentCall {
  userId: string
  key: string | undefined
  /** What identifies the request: route, parameters and body. */
  request: unknown
}

export interface Outcome<T> {
  status: number
  body: T
  /** True when this is the stored answer to an earlier request. */
  replayed: boolean
}

/**
 * Runs `create` in a transaction that first claims the caller's
 * Idempotency-Key. The claim is an insert into a table whose primary key is
 * (user, key): of two concurrent requests with one key, the second waits for
 * the first to commit and then finds its stored answer.
 */
export async function idempotent<T>(
  db: Database,
  call: IdempotentCall,
  create: (tx: Transaction) => Promise<{ status: number; body: T }>,
): Promise<Outcome<T>> {
  return db.transaction(async (tx) => {
    if (call.key === undefined) {
      return { ...(await create(tx)), replayed: false }
    }
    const requestHash = fingerprint(call.request)
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: call.userId, key: call.key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key })
    if (claimed.length === 0) {
      return replay<T>(tx, call.userId, call.key, requestHash)
    }

    const outcome = await create(tx)
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: outcome.status, responseBody: outcome.body })
      .where(
        and(
          eq(idempotencyKeys.userId, call.userId),
          eq(idempotencyKeys.key, call.key),
        ),
      )
    return { ...outcome, replayed: false }
  })
}

/**
 * As `idempotent`, for a `create` that writes in one statement: without a
 * key it runs on its own, since one statement is atomic already and needs
 * no transaction around it.
 */
export async function idempotentStatement<T>(
  db: Database,
  call: IdempotentCall,
  create: (db: Database | Transaction) => Promise<{ status: number; body: T }>,
): Promise<Outcome<T>> {
  if (call.key === undefined) {
    return { ...(await create(db)), replayed: false }
  }
  return idempotent(db, call, create)
}

/**
 * The stored answer to an earlier request with the caller's key, if there
 * is one; claims nothing. It lets a route skip costly work (asking a chain's
 * node) on a plain retry; `idempotent` still settles concurrent repeats.
 */
export async function storedOutcome<T>(
  db: Database,
  call: IdempotentCall,
): Promise<Outcome<T> | undefined> {
  if (call.key === undefined) return undefined
  const stored = await findKey(db, call.userId, call.key)
  return stored && answerOf<T>(stored, fingerprint(call.request))
}

async function replay<T>(
  tx: Transaction,
  userId: string,
  key: string,
  requestHash: string,
): Promise<Outcome<T>> {
  const stored = await findKey(tx, userId, key)
  if (!stored) throw new AppError('IDEMPOTENCY_KEY_REUSED')
  return answerOf<T>(stored, requestHash)
}

async function findKey(
  db: Database | Transaction,
  userId: string,
  key: string,
) {
  const [stored] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)),
    )
  return stored
}

function answerOf<T>(
  stored: typeof idempotencyKeys.$inferSelect,
  requestHash: string,
): Outcome<T> {
  if (stored.requestHash !== requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED')
  }
  return {
    status: stored.responseStatus ?? 200,
    body: stored.responseBody as T,
    replayed: true,
  }
}

function fingerprint(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex')
}

/** JSON with object keys sorted, so equal requests hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value)
}
