/** JSON-RPC to the benchmark's Anvil, for what Custos does not do itself. */
export interface ChainClient {
  call<T>(method: string, params?: unknown[]): Promise<T>
  /** Many calls in one HTTP request; results in the order asked. */
  batch<T>(calls: { method: string; params: unknown[] }[]): Promise<T[]>
}

interface RpcAnswer<T> {
  id: number
  result?: T
  error?: { message: string }
}

export function chainClient(rpcUrl: string): ChainClient {
  async function post<T>(body: unknown): Promise<T> {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return (await response.json()) as T
  }
  function unwrap<T>(method: string, answer: RpcAnswer<T>): T {
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`)
    return answer.result as T
  }

  return {
    async call<T>(method: string, params: unknown[] = []) {
      const answer = await post<RpcAnswer<T>>({
        jsonrpc: '2.0',
        id: 1,
        method,
        params,
      })
      return unwrap(method, answer)
    },
    async batch<T>(calls: { method: string; params: unknown[] }[]) {
      if (calls.length === 0) return []
      const answers = await post<RpcAnswer<T>[]>(
        calls.map((call, id) => ({ jsonrpc: '2.0', id, ...call })),
      )
      const byId = new Map(answers.map((answer) => [answer.id, answer]))
      return calls.map((call, id) => {
        const answer = byId.get(id)
        if (!answer) throw new Error(`${call.method}: no answer`)
        return unwrap(call.method, answer)
      })
    },
  }
}

/**
 * Funds `addresses` from the node's first unlocked account, the way an
 * operator would on a development chain: production Custos has no faucet.
 */
export async function fund(
  chain: ChainClient,
  addresses: string[],
  weiEach: bigint,
): Promise<void> {
  const [from] = await chain.call<string[]>('eth_accounts')
  if (!from) throw new Error('the node has no unlocked account')
  // One at a time: the node numbers a batch from one sender wrongly.
  const hashes: string[] = []
  for (const to of addresses) {
    hashes.push(
      await chain.call<string>('eth_sendTransaction', [
        { from, to, value: `0x${weiEach.toString(16)}` },
      ]),
    )
  }
  for (;;) {
    const receipts = await chain.batch<{ status: string } | null>(
      hashes.map((hash) => ({
        method: 'eth_getTransactionReceipt',
        params: [hash],
      })),
    )
    if (receipts.every((receipt) => receipt?.status === '0x1')) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
