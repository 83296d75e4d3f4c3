import type { Hex, PublicClient } from 'viem'

import {
  classifyBroadcastError,
  type BroadcastRefusal,
} from '../../shared/node-errors.js'

export type BroadcastOutcome = { kind: 'sent' } | BroadcastRefusal

/**
 * Sends a signed transaction to the node. Sending the same bytes again is
 * always safe: a node takes one transaction per nonce, and the same
 * transaction has the same hash.
 */
export async function broadcast(
  client: PublicClient,
  raw: Hex,
): Promise<BroadcastOutcome> {
  try {
    await client.request({ method: 'eth_sendRawTransaction', params: [raw] })
    return { kind: 'sent' }
  } catch (error) {
    return classifyBroadcastError(error)
  }
}

/**
 * True when nothing more needs sending: the node took it now or before,
 * holds an earlier attempt of ours with this nonce, or has mined one with
 * it. Which one was mined, and whether it was ours, is the tracker's to
 * find out.
 */
export function isOut(outcome: BroadcastOutcome): boolean {
  return (
    outcome.kind === 'sent' ||
    outcome.kind === 'known' ||
    outcome.kind === 'underpriced' ||
    outcome.kind === 'nonce-used'
  )
}
