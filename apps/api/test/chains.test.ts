import { parseEther } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startAnvil, type TestAnvil } from './helpers/anvil.js'
import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'

const someAddress = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('chains, balances and the faucet against Anvil', () => {
  let anvil: TestAnvil
  let t: TestApp
  let auth: { authorization: string }

  beforeAll(async () => {
    anvil = await startAnvil()
    t = await startTestApp({ RPC_URL: anvil.rpcUrl })
    auth = bearer(await devToken(t.app, unique('chains')))
  })
  afterAll(async () => {
    await t?.close()
    await anvil?.stop()
  })

  it('lists the chain read from RPC_URL, without its URL', async () => {
    const response = await t.app.inject({ url: '/v1/chains', headers: auth })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      data: [
        {
          id: 31337,
          name: 'Anvil',
          nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
          explorerUrl: null,
          confirmations: 1,
        },
      ],
    })
    expect(response.body).not.toContain(String(anvil.port))
  })

  it('funds an address from the faucet', async () => {
    const address = `0x${unique('').replace(/\W/g, '').padStart(40, '1').slice(0, 40)}`
    const before = BigInt(
      await anvil.rpc<string>('eth_getBalance', [address, 'latest']),
    )

    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/dev/faucet',
      headers: auth,
      payload: { address, value: parseEther('1.5').toString() },
    })

    expect(response.statusCode).toBe(200)
    const after = BigInt(
      await anvil.rpc<string>('eth_getBalance', [address, 'latest']),
    )
    expect(after - before).toBe(parseEther('1.5'))
  })

  it('refuses a faucet value out of range and an unknown chain', async () => {
    const tooMuch = await t.app.inject({
      method: 'POST',
      url: '/v1/dev/faucet',
      headers: auth,
      payload: { address: someAddress, value: parseEther('5000').toString() },
    })
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/v1/dev/faucet',
      headers: auth,
      payload: { address: someAddress, chainId: 1 },
    })

    expect(tooMuch.statusCode).toBe(400)
    expect(elsewhere.json()).toMatchObject({ error: { code: 'UNKNOWN_CHAIN' } })
  })
})

describe('a node that is down', () => {
  it('answers reads with NODE_UNAVAILABLE', async () => {
    const anvil = await startAnvil()
    const t = await startTestApp({ RPC_URL: anvil.rpcUrl })
    try {
      const auth = bearer(await devToken(t.app, unique('down')))
      await anvil.stop()

      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/dev/faucet',
        headers: auth,
        payload: { address: someAddress },
      })

      expect(response.statusCode).toBe(503)
      expect(response.json()).toMatchObject({
        error: { code: 'NODE_UNAVAILABLE' },
      })
    } finally {
      await t.close()
      await anvil.stop()
    }
  })
})
