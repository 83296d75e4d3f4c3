import { getAddress, isAddress, maxUint256, type Address, type Hex } from 'viem'

import type { ChainRegistry } from '../../shared/chain-registry.js'
import type { Database } from '../../shared/db/client.js'
import { transactions } from '../../shared/db/schema.js'
import { AppError } from '../../shared/errors.js'
import { getAccount } from '../accounts/account-service.js'
import {
  idempotent,
  storedOutcome,
  type IdempotentCall,
  type Outcome,
} from '../http/idempotency.js'
import { hasNonceCounter, inFlightCost, takeNonce } from './nonces.js'
import { quoteSend } from './quote.js'
import {
  toTransactionView,
  type SendTransactionBody,
  type Transaction,
  type TransactionView,
} from './schemas.js'
import { sql } from 'drizzle-orm'

export interface SendDeps {
  db: Database
  chains: ChainRegistry
}

/**
 * Records a send from a user's account as a queued transaction; a signer
 * signs and broadcasts it. The node is asked first (gas, fees, balance):
 * a send it says would revert, or that the balance cannot pay for, is
 * refused before any nonce is taken. Then one database transaction claims
 * the Idempotency-Key, takes the nonce, checks the balance against what
 * the account's sends in flight may cost, and inserts the row.
 */
export async function recordSend(
  deps: SendDeps,
  userId: string,
  accountId: string,
  body: SendTransactionBody,
  idempotencyKey: string | undefined,
): Promise<Outcome<TransactionView>> {
  const call: IdempotentCall = {
    userId,
    key: idempotencyKey,
    request: ['POST /v1/accounts/:id/transactions', accountId, body],
  }
  const stored = await storedOutcome<TransactionView>(deps.db, call)
  if (stored) return stored

  const account = await getAccount(deps.db, userId, accountId)
  if (account.status !== 'ready' || !account.address) {
    throw new AppError('ACCOUNT_NOT_READY')
  }
  const handle = deps.chains.resolve(body.chainId)
  const chainId = handle.chain.id
  const intent = readIntent(account.address, body)
  const withNonce = !(await hasNonceCounter(deps.db, chainId, intent.from))
  const quote = await quoteSend(handle, { ...intent, withNonce })

  return idempotent(deps.db, call, async (tx) => {
    const nonce = await takeNonce(
      tx,
      chainId,
      intent.from,
      quote.nodeNonce ?? 0,
    )
    const inFlight = await inFlightCost(
      tx,
      chainId,
      intent.from,
      quote.blockNumber,
    )
    const cost = intent.value + quote.gasLimit * quote.maxFeePerGas
    // Thrown inside the transaction: the nonce and the key are rolled back.
    if (quote.balance < inFlight + cost)
      throw new AppError('INSUFFICIENT_FUNDS')

    const [row] = await tx
      .insert(transactions)
      .values({
        userId,
        accountId,
        chainId,
        fromAddress: intent.from,
        toAddress: intent.to,
        value: intent.value.toString(),
        data: intent.data,
        nonce,
        gasLimit: quote.gasLimit.toString(),
        maxFeePerGas: quote.maxFeePerGas.toString(),
        maxPriorityFeePerGas: quote.maxPriorityFeePerGas.toString(),
        // The time of the insert, not of the transaction's start, so that
        // newest first is also highest nonce first.
        createdAt: sql`clock_timestamp()`,
        updatedAt: sql`clock_timestamp()`,
      })
      .returning()
    return { status: 202, body: toTransactionView(row as Transaction) }
  })
}

export interface Intent {
  from: Address
  to: Address
  value: bigint
  data: Hex | undefined
}

/** What a send body asks, checked; `from` is the account's address. */
export function readIntent(from: string, body: SendTransactionBody): Intent {
  if (!isRecipient(body.to)) throw new AppError('INVALID_ADDRESS')
  const value = BigInt(body.value)
  if (value > maxUint256) {
    throw new AppError('VALIDATION_FAILED', 'value is above 2^256 - 1')
  }
  const data = body.data?.toLowerCase()
  return {
    from: getAddress(from),
    to: getAddress(body.to),
    value,
    data: data && data !== '0x' ? (data as Hex) : undefined,
  }
}

/**
 * An address in one case carries no checksum (EIP-55); in mixed case it
 * must match its checksum, which catches most typing mistakes.
 */
function isRecipient(text: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) return false
  const digits = text.slice(2)
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) {
    return true
  }
  return isAddress(text, { strict: true })
}
