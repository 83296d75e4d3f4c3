import type postgres from 'postgres'

import { waitFor } from './signer.js'

/**
 * Each table of the public schema with its row count and a digest of its
 * rows, to tell whether a request wrote anything. `last_used_at` is left
 * out: using an API key stamps it whether or not the request goes on.
 */
export async function snapshotDatabase(
  sql: postgres.Sql,
): Promise<Record<string, string>> {
  const tables = await sql<{ table: string }[]>`
    select table_name as table from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by table_name`
  const digests = await Promise.all(
    tables.map(async ({ table }) => {
      const [row] = await sql<{ rows: number; digest: string }[]>`
        select count(*)::int as rows,
          md5(coalesce(string_agg(r, ',' order by r), '')) as digest
        from (
          select (to_jsonb(t) - 'last_used_at')::text as r
          from ${sql(table)} t
        ) s`
      return [table, `${row?.rows} rows, ${row?.digest}`] as const
    }),
  )
  return Object.fromEntries(digests)
}

/**
 * Waits until signers have nothing left to do: no wallet or account
 * pending, no transaction queued or in flight. Only then does a snapshot
 * stay the same while nobody asks anything.
 */
export async function waitUntilSettled(sql: postgres.Sql): Promise<void> {
  await waitFor(
    async () => {
      const [row] = await sql<{ open: number }[]>`
        select (select count(*) from wallets where status = 'pending')
          + (select count(*) from accounts where status = 'pending')
          + (select count(*) from transactions
             where status in ('queued', 'submitted')) as open`
      return Number(row?.open) === 0
    },
    { timeoutMs: 30_000, message: 'the signers to finish their work' },
  )
}
