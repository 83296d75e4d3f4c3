import type { Chain } from './api-types'

/** The block explorer's page for a transaction, when the chain has one. */
export function explorerTransactionUrl(
  chain: Pick<Chain, 'explorerUrl'> | undefined,
  hash: string | null,
): string | null {
  if (!chain?.explorerUrl || hash === null) return null
  return `${chain.explorerUrl.replace(/\/+$/, '')}/tx/${hash}`
}
