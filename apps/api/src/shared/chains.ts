import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'

import type { EnvReader } from './env.js'

const NativeCurrencySchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  symbol: Type.String({ minLength: 1 }),
  decimals: Type.Integer({ minimum: 0, maximum: 36 }),
})

export const ChainSchema = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    name: Type.String({ minLength: 1 }),
    rpcUrl: Type.String({ pattern: '^(https?|wss?)://' }),
    nativeCurrency: NativeCurrencySchema,
    explorerUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
    confirmations: Type.Integer({ minimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
)

/** A chain Custos acts on. `rpcUrl` may hold credentials: never log it. */
export type Chain = Static<typeof ChainSchema>

/**
 * Where the chain list comes from: a full list in CHAINS, or one RPC_URL
 * whose chain id is asked of the node at start-up.
 */
export type ChainSource =
  | { kind: 'list'; chains: Chain[] }
  | { kind: 'rpc'; rpcUrl: string; confirmations: number }

export const DEVELOPMENT_RPC_URL = 'http://127.0.0.1:8545'

/** Reads CHAINS, or RPC_URL and CHAIN_CONFIRMATIONS. */
export function readChainSource(
  read: EnvReader,
  production: boolean,
): ChainSource {
  const list = read.raw('CHAINS')
  if (list !== undefined)
    return { kind: 'list', chains: parseChains(read, list) }

  const rpcUrl = production
    ? read.required('RPC_URL', 'when NODE_ENV=production and CHAINS is unset')
    : read.string('RPC_URL', DEVELOPMENT_RPC_URL)
  read.url('RPC_URL', ['http:', 'https:', 'ws:', 'wss:'], rpcUrl)
  return {
    kind: 'rpc',
    rpcUrl,
    confirmations: read.integer('CHAIN_CONFIRMATIONS', 1, 1, 1000),
  }
}

function parseChains(read: EnvReader, text: string): Chain[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    read.problems.push('CHAINS must be a JSON array of chains')
    return []
  }
  const schema = Type.Array(ChainSchema, { minItems: 1 })
  if (!Value.Check(schema, parsed)) {
    const first = Value.Errors(schema, parsed)[0]
    read.problems.push(
      `CHAINS is not valid at ${first?.instancePath || '/'}: ${first?.message}`,
    )
    return []
  }
  const ids = parsed.map((chain) => chain.id)
  if (new Set(ids).size !== ids.length) {
    read.problems.push('CHAINS lists a chain id twice')
  }
  return parsed
}

/** A form of an RPC URL safe to log: scheme and host, nothing else. */
export function redactUrl(url: string): string {
  try {
    const { protocol, host } = new URL(url)
    return `${protocol}//${host}/…`
  } catch {
    return '[invalid url]'
  }
}

const KNOWN_NAMES: Record<number, string> = {
  1: 'Ethereum',
  11155111: 'Sepolia',
  17000: 'Holesky',
  31337: 'Anvil',
}

/** The chain an RPC_URL alone describes, once its id is known. */
export function chainFromRpc(
  id: number,
  rpcUrl: string,
  confirmations: number,
): Chain {
  return {
    id,
    name: KNOWN_NAMES[id] ?? `Chain ${id}`,
    rpcUrl,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    confirmations,
  }
}
