import type postgres from 'postgres'

import type { WalletSecrets } from './custody.js'

/** One way a secret could be written down, and what it is. */
export interface Needle {
  label: string
  /** Matched against the haystack in lower case (hex, words). */
  pattern: RegExp | string
  ignoreCase: boolean
}

// Consecutive phrase words, however separated: a phrase cut short (a log
// message truncated, say) or written as a JSON array is still found.
const WORD_RUN = 6

/** Hex and base64 (padded or not, standard or URL-safe) of `bytes`. */
export function byteNeedles(label: string, bytes: Uint8Array): Needle[] {
  const buffer = Buffer.from(bytes)
  return [
    {
      label: `${label} (hex)`,
      pattern: buffer.toString('hex'),
      ignoreCase: true,
    },
    {
      label: `${label} (base64)`,
      pattern: buffer.toString('base64').replace(/=+$/, ''),
      ignoreCase: false,
    },
    {
      label: `${label} (base64url)`,
      pattern: buffer.toString('base64url'),
      ignoreCase: false,
    },
  ]
}

/** Every form in which a wallet's secrets must never appear. */
export function walletNeedles(
  walletId: string,
  secrets: WalletSecrets,
): Needle[] {
  const words = secrets.phrase.split(' ')
  const runs: Needle[] = []
  for (let start = 0; start + WORD_RUN <= words.length; start++) {
    runs.push({
      label: `${walletId} phrase words ${start}..${start + WORD_RUN - 1}`,
      pattern: new RegExp(words.slice(start, start + WORD_RUN).join('[^a-z]+')),
      ignoreCase: true,
    })
  }
  return [
    ...runs,
    ...byteNeedles(`${walletId} phrase`, Buffer.from(secrets.phrase)),
    ...byteNeedles(`${walletId} entropy`, secrets.entropy),
    ...byteNeedles(`${walletId} seed`, secrets.seed),
    ...byteNeedles(`${walletId} chain key`, secrets.chainKey),
    ...secrets.privateKeys.flatMap((key, index) =>
      byteNeedles(`${walletId} account ${index} private key`, key),
    ),
  ]
}

/** The labels of every needle found in `haystack`. */
export function findNeedles(haystack: string, needles: Needle[]): string[] {
  const lower = haystack.toLowerCase()
  return needles
    .filter(({ pattern, ignoreCase }) => {
      const text = ignoreCase ? lower : haystack
      return typeof pattern === 'string'
        ? text.includes(ignoreCase ? pattern.toLowerCase() : pattern)
        : pattern.test(text)
    })
    .map((needle) => needle.label)
}

/**
 * What pg_dump would show of a database, as text: every row of every
 * table outside the system schemas as JSON (bytea there is hex), and each
 * bytea value once more as base64 and as escaped text.
 */
export async function dumpDatabase(sql: postgres.Sql): Promise<string> {
  const tables = await sql<{ schema: string; table: string }[]>`
    select table_schema as schema, table_name as table
    from information_schema.tables
    where table_type = 'BASE TABLE'
      and table_schema not in ('pg_catalog', 'information_schema')`
  const parts: string[] = []
  for (const { schema, table } of tables) {
    const rows = await sql<{ row: string }[]>`
      select row_to_json(t)::text as row from ${sql(schema)}.${sql(table)} t`
    parts.push(...rows.map(({ row }) => row))

    const columns = await sql<{ column: string }[]>`
      select column_name as column from information_schema.columns
      where table_schema = ${schema} and table_name = ${table}
        and data_type = 'bytea'`
    for (const { column } of columns) {
      const values = await sql<{ base64: string; text: string }[]>`
        select encode(${sql(column)}, 'base64') as base64,
          encode(${sql(column)}, 'escape') as text
        from ${sql(schema)}.${sql(table)}
        where ${sql(column)} is not null`
      // base64 from PostgreSQL is wrapped at 76 characters.
      parts.push(
        ...values.flatMap((v) => [v.base64.replace(/\n/g, ''), v.text]),
      )
    }
  }
  return parts.join('\n')
}
