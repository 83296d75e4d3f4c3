import {
  createWalletClient,
  http,
  isAddress,
  parseEther,
  type Hash,
} from 'viem'

import type { ChainHandle } from '../../shared/chain-registry.js'
import { AppError } from '../../shared/errors.js'
import { translateNodeError } from '../../shared/node-errors.js'

const DEFAULT_VALUE = parseEther('10')
const MAX_VALUE = parseEther('1000')

export interface Funded {
  chainId: number
  hash: Hash
  value: string
}

/** Sends `value` from the node's first unlocked account and waits for it. */
export async function fundAddress(
  { chain, client }: ChainHandle,
  to: string,
  value: bigint = DEFAULT_VALUE,
): Promise<Funded> {
  if (value <= 0n || value > MAX_VALUE) {
    throw new AppError('VALIDATION_FAILED', 'value must be 1 wei to 1000 ether')
  }
  // viem refuses to send to a mixed-case address whose EIP-55 checksum
  // does not match; that is the caller's mistake, not the node's.
  if (!isAddress(to)) throw new AppError('INVALID_ADDRESS')
  try {
    const wallet = createWalletClient({ transport: http(chain.rpcUrl) })
    const [from] = await wallet.getAddresses()
    if (!from) throw new AppError('FAUCET_UNAVAILABLE')

    const hash = await wallet.sendTransaction({
      account: from,
      chain: null,
      to,
      value,
    })
    await client.waitForTransactionReceipt({ hash, timeout: 30_000 })
    return { chainId: chain.id, hash, value: value.toString() }
  } catch (error) {
    throw translateNodeError(error)
  }
}
