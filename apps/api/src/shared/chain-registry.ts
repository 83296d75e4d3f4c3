import { createPublicClient, http, type PublicClient } from 'viem'

import {
  chainFromRpc,
  redactUrl,
  type Chain,
  type ChainSource,
} from './chains.js'
import { AppError } from './errors.js'

export interface ChainHandle {
  chain: Chain
  client: PublicClient
}

/** The configured chains, each with a client for its node. */
export interface ChainRegistry {
  chains: Chain[]
  /** The chain asked for, or the first one; UNKNOWN_CHAIN otherwise. */
  resolve(chainId?: number): ChainHandle
}

const RPC_TIMEOUT_MS = 10_000

/**
 * A client of the chain's node. Requests made in the same tick go out as
 * one JSON-RPC batch, one HTTP request instead of one each.
 */
export function publicClientFor(chain: Chain): PublicClient {
  return createPublicClient({
    transport: http(chain.rpcUrl, {
      timeout: RPC_TIMEOUT_MS,
      retryCount: 1,
      batch: true,
    }),
  })
}

/**
 * Builds the registry. With RPC_URL alone the chain id is asked of the
 * node, so that node must answer at start-up.
 */
export async function openChains(source: ChainSource): Promise<ChainRegistry> {
  const chains =
    source.kind === 'list'
      ? source.chains
      : [await describeRpcChain(source.rpcUrl, source.confirmations)]
  const handles = new Map(
    chains.map((chain) => [
      chain.id,
      { chain, client: publicClientFor(chain) },
    ]),
  )
  const first = handles.get(chains[0]?.id ?? -1) as ChainHandle

  return {
    chains,
    resolve(chainId) {
      if (chainId === undefined) return first
      const handle = handles.get(chainId)
      if (!handle) throw new AppError('UNKNOWN_CHAIN')
      return handle
    },
  }
}

async function describeRpcChain(
  rpcUrl: string,
  confirmations: number,
): Promise<Chain> {
  const client = createPublicClient({
    transport: http(rpcUrl, { timeout: 5000, retryCount: 2 }),
  })
  try {
    const id = await client.getChainId()
    return chainFromRpc(id, rpcUrl, confirmations)
  } catch (error) {
    throw new Error(
      `the node at RPC_URL (${redactUrl(rpcUrl)}) did not tell its chain id`,
      { cause: error },
    )
  }
}
