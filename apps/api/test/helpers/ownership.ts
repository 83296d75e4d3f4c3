import type postgres from 'postgres'

/**
 * The ids, addresses and hashes of everything a user owns, lower-case, as
 * PostgreSQL has them: what no other user may ever be shown.
 */
export async function ownedBy(
  sql: postgres.Sql,
  userId: string,
): Promise<Set<string>> {
  const rows = await sql<{ value: string }[]>`
    select id::text as value from users where id = ${userId}
    union all select subject from users where id = ${userId}
    union all select id::text from wallets where user_id = ${userId}
    union all select id::text from api_keys where user_id = ${userId}
    union all select id::text from accounts where user_id = ${userId}
    union all select address from accounts
      where user_id = ${userId} and address is not null
    union all select id::text from transactions where user_id = ${userId}
    union all select to_address from transactions where user_id = ${userId}
    union all select a.hash from transaction_attempts a
      join transactions t on t.id = a.transaction_id
      where t.user_id = ${userId}`
  return new Set(rows.map((row) => row.value.toLowerCase()))
}

/** The names a user's wallets, accounts and API keys carry. */
export async function namesOf(
  sql: postgres.Sql,
  userId: string,
): Promise<string[]> {
  const rows = await sql<{ name: string | null }[]>`
    select name from wallets where user_id = ${userId}
    union all select name from accounts where user_id = ${userId}
    union all select name from api_keys where user_id = ${userId}`
  return rows.flatMap((row) => (row.name === null ? [] : [row.name]))
}

/**
 * How many accounts belong to another user than their wallet does, and
 * transactions to another user than their account does: none, ever.
 */
export async function mismatchedOwners(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select (select count(*) from accounts a
        join wallets w on w.id = a.wallet_id where a.user_id <> w.user_id)
      + (select count(*) from transactions t
        join accounts a on a.id = t.account_id where t.user_id <> a.user_id)
      as n`
  return Number(row?.n)
}
