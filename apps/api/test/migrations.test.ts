import { randomBytes } from 'node:crypto'

import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'

import { connectDatabase } from '../src/shared/db/client.js'
import {
  ensureDatabase,
  migrationsApplied,
  runMigrations,
} from '../src/shared/db/migrate.js'

const created: string[] = []

function freshDatabaseUrl(): string {
  const name = `custos_test_fresh_${randomBytes(4).toString('hex')}`
  created.push(name)
  const url = new URL(inject('databaseUrl'))
  url.pathname = `/${name}`
  return url.toString()
}

afterAll(async () => {
  const admin = new URL(inject('databaseUrl'))
  admin.pathname = '/postgres'
  const sql = postgres(admin.toString(), { max: 1 })
  for (const name of created) {
    await sql.unsafe(`drop database if exists "${name}" with (force)`)
  }
  await sql.end()
})

describe('migrations', () => {
  it('creates a missing database, even when asked twice at once', async () => {
    const url = freshDatabaseUrl()

    await Promise.all([ensureDatabase(url), ensureDatabase(url)])

    const handle = connectDatabase(url, { max: 1 })
    const [row] = await handle.sql`select current_database() as name`
    await handle.close()
    expect(row?.name).toBe(new URL(url).pathname.slice(1))
  })

  it('applies once when several processes start together', async () => {
    const url = freshDatabaseUrl()
    await ensureDatabase(url)
    const handles = [1, 2, 3].map(() => connectDatabase(url, { max: 2 }))

    const before = await migrationsApplied(handles[0]!)
    await Promise.all(handles.map((handle) => runMigrations(handle)))

    expect(before).toBe(false)
    expect(await migrationsApplied(handles[0]!)).toBe(true)
    const tables = await handles[0]!.sql`
      select count(*)::int as n from information_schema.tables
      where table_schema = 'public' and table_name = 'users'`
    expect(tables[0]?.n).toBe(1)
    await Promise.all(handles.map((handle) => handle.close()))
  })
})
