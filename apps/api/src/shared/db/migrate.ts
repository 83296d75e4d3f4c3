import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

import type { DatabaseHandle } from './client.js'

/** The committed migrations, made by drizzle-kit from schema.ts. */
export const migrationsFolder = fileURLToPath(
  new URL('../../../drizzle', import.meta.url),
)

// Any fixed number will do; it only has to be the same in every process.
const MIGRATION_LOCK_ID = 7_301_977

/**
 * Creates the database named in `url` when it does not exist yet. Two
 * processes may race here; the loser's "already exists" is not an error.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`
    if (found.length === 0) {
      await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`)
    }
  } catch (error) {
    if (!isDuplicateDatabase(error)) throw error
  } finally {
    await sql.end()
  }
}

function isDuplicateDatabase(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === '42P04' || code === '23505'
}

/**
 * Applies every pending migration. A session-level advisory lock makes
 * concurrent start-ups (API and workers at once) take turns.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const lock = await handle.sql.reserve()
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK_ID})`
    await migrate(handle.db, { migrationsFolder })
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`
    lock.release()
  }
}

interface Journal {
  entries: { tag: string }[]
}

async function expectedMigrationCount(): Promise<number> {
  const text = await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')
  return (JSON.parse(text) as Journal).entries.length
}

/** True when every committed migration has been applied. */
export async function migrationsApplied(
  handle: DatabaseHandle,
): Promise<boolean> {
  const expected = await expectedMigrationCount()
  const [table] = await handle.sql<{ name: string | null }[]>`
    select to_regclass('drizzle.__drizzle_migrations')::text as name`
  if (!table?.name) return false
  const [row] = await handle.sql<{ applied: number }[]>`
    select count(*)::int as applied from drizzle.__drizzle_migrations`
  return (row?.applied ?? 0) >= expected
}
