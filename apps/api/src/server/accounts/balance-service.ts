import { formatUnits, type Address } from 'viem'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import type { Database } from '../../shared/db/client.js'
import { AppError } from '../../shared/errors.js'
import { translateNodeError } from '../../shared/node-errors.js'
import { getAccount } from './account-service.js'

export interface Balance {
  chainId: number
  wei: string
  formatted: string
  symbol: string
}

/** An account's balance as its chain's node reports it now. */
export async function getBalance(
  db: Database,
  chains: ChainRegistry,
  userId: string,
  accountId: string,
  chainId: number | undefined,
): Promise<Balance> {
  const account = await getAccount(db, userId, accountId)
  const { chain, client } = chains.resolve(chainId)
  if (!account.address) throw new AppError('ACCOUNT_NOT_READY')

  const wei = await client
    .getBalance({ address: account.address as Address })
    .catch((error: unknown) => {
      throw translateNodeError(error)
    })
  return {
    chainId: chain.id,
    wei: wei.toString(),
    formatted: formatUnits(wei, chain.nativeCurrency.decimals),
    symbol: chain.nativeCurrency.symbol,
  }
}
