import { AppError } from '../../shared/errors.js'
import { getAccount } from '../accounts/account-service.js'
import { inFlightCost } from './nonces.js'
import { quoteSend } from './quote.js'
import { readIntent, type SendDeps } from './send-service.js'
import type { SendTransactionBody } from './schemas.js'

/** What a send would cost if it were made now; all amounts in wei. */
export interface SendEstimate {
  chainId: number
  gasLimit: bigint
  maxFeePerGas: bigint
  maxPriorityFeePerGas: bigint
  /** The estimated gas at the current base fee plus the tip. */
  expectedFee: bigint
  /** The gas limit at the fee cap: the most the send can cost in fees. */
  maxFee: bigint
  /** The account's balance, less what its sends in flight may still cost. */
  available: bigint
}

/**
 * Quotes a send without recording it: the same checks a send makes before
 * it takes a nonce (address, revert, balance), the same errors, and nothing
 * written. A send made afterwards is quoted again, so fees may differ.
 */
export async function estimateSend(
  deps: SendDeps,
  userId: string,
  accountId: string,
  body: SendTransactionBody,
): Promise<SendEstimate> {
  const account = await getAccount(deps.db, userId, accountId)
  if (account.status !== 'ready' || !account.address) {
    throw new AppError('ACCOUNT_NOT_READY')
  }
  const handle = deps.chains.resolve(body.chainId)
  const intent = readIntent(account.address, body)
  const quote = await quoteSend(handle, { ...intent, withNonce: false })

  const available =
    quote.balance -
    (await inFlightCost(
      deps.db,
      handle.chain.id,
      intent.from,
      quote.blockNumber,
    ))
  const maxFee = quote.gasLimit * quote.maxFeePerGas
  if (available < intent.value + maxFee) {
    throw new AppError('INSUFFICIENT_FUNDS')
  }
  return {
    chainId: handle.chain.id,
    gasLimit: quote.gasLimit,
    maxFeePerGas: quote.maxFeePerGas,
    maxPriorityFeePerGas: quote.maxPriorityFeePerGas,
    expectedFee:
      quote.gasEstimate * (quote.baseFeePerGas + quote.maxPriorityFeePerGas),
    maxFee,
    available,
  }
}
