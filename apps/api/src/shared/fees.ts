import type { PublicClient } from 'viem'

/** The two fee fields of an EIP-1559 transaction, in wei per gas. */
export interface Fees {
  maxFeePerGas: bigint
  maxPriorityFeePerGas: bigint
}

/**
 * Fees for a transaction sent now, and the block they were read at. The
 * tip is the node's suggestion; the fee cap leaves room for the base fee to
 * double (six full blocks in a row) before the transaction stops being
 * includable. Only base fee plus tip is paid; the cap bounds the cost.
 */
export async function currentFees(
  client: PublicClient,
): Promise<Fees & { baseFeePerGas: bigint; blockNumber: bigint }> {
  const [block, tip] = await Promise.all([
    client.getBlock({ blockTag: 'latest' }),
    client.estimateMaxPriorityFeePerGas(),
  ])
  if (block.baseFeePerGas === null) {
    throw new Error('the chain has no base fee: EIP-1559 is required')
  }
  return {
    maxFeePerGas: block.baseFeePerGas * 2n + tip,
    maxPriorityFeePerGas: tip,
    baseFeePerGas: block.baseFeePerGas,
    blockNumber: block.number,
  }
}
