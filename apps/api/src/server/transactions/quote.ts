import type { Address, Hex } from 'viem'

import type { ChainHandle } from '../../shared/chain-registry.js'
import { currentFees, type Fees } from '../../shared/fees.js'
import { translateNodeError } from '../../shared/node-errors.js'

/** What a send asks of the chain, before anything is recorded. */
export interface QuoteRequest {
  from: Address
  to: Address
  value: bigint
  data: Hex | undefined
  /** Ask the node for the sender's nonce: only for its first send. */
  withNonce: boolean
}

export interface Quote extends Fees {
  /** The node's estimate of the gas the send uses. */
  gasEstimate: bigint
  /** The estimate plus a margin: the most the send may use. */
  gasLimit: bigint
  /** The base fee of the block the fees were read at. */
  baseFeePerGas: bigint
  /** The sender's balance at `blockNumber`. */
  balance: bigint
  /** The block the fees and balance were read at. */
  blockNumber: bigint
  /** The node's count of the sender's transactions, pending included. */
  nodeNonce: number | undefined
}

// Gas used can differ from the estimate when state changes before mining;
// unused gas is refunded, so the margin costs nothing when not needed.
const GAS_MARGIN_PERCENT = 120n

/**
 * Reads from the node what a send needs: a gas estimate (which also says
 * whether it would revert), fees, and the balance. All of it happens before
 * the database transaction that takes the nonce, so that no lock is held
 * while the node answers. Node errors become AppErrors here.
 */
export async function quoteSend(
  { client }: ChainHandle,
  request: QuoteRequest,
): Promise<Quote> {
  const { from, to, value, data } = request
  try {
    // Asked together, these go to the node as one batch; the balance
    // follows, at the block the fees were read from.
    const [fees, gas, nodeNonce] = await Promise.all([
      currentFees(client),
      client.estimateGas({ account: from, to, value, data }),
      request.withNonce
        ? client.getTransactionCount({ address: from, blockTag: 'pending' })
        : undefined,
    ])
    const balance = await client.getBalance({
      address: from,
      blockNumber: fees.blockNumber,
    })
    return {
      ...fees,
      gasEstimate: gas,
      gasLimit: (gas * GAS_MARGIN_PERCENT + 99n) / 100n,
      balance,
      nodeNonce,
    }
  } catch (error) {
    throw translateNodeError(error)
  }
}
