import { verifyTypedData, type Address, type Hex } from 'viem'

/** Typed data as an HTTP body, and a check of a signature over it. */
export interface TypedDataSample {
  json: {
    domain: Record<string, unknown>
    types: Record<string, readonly { name: string; type: string }[]>
    primaryType: string
    message: Record<string, unknown>
  }
  /** True when `signature` is `address`'s over this typed data. */
  verify(address: Address, signature: Hex): Promise<boolean>
}

const mailTypes = {
  Person: [
    { name: 'name', type: 'string' },
    { name: 'wallet', type: 'address' },
  ],
  Mail: [
    { name: 'from', type: 'Person' },
    { name: 'to', type: 'Person' },
    { name: 'contents', type: 'string' },
  ],
} as const

/** The example of EIP-712 itself: a Mail between two Persons. */
export function mailTypedData(): TypedDataSample {
  const domain = {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  } as const
  const message = {
    from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
    to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
    contents: 'Hello, Bob!',
  } as const
  return {
    json: {
      domain,
      types: mailTypes,
      primaryType: 'Mail',
      message,
    },
    verify: (address, signature) =>
      verifyTypedData({
        address,
        signature,
        domain,
        types: mailTypes,
        primaryType: 'Mail',
        message,
      }),
  }
}

const permitTypes = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

const MAX_UINT256 = 2n ** 256n - 1n

/**
 * An EIP-2612 permit for USDC, as a dapp would send it: the allowance, a
 * uint256 past 2^53, and the chain id as decimal strings.
 */
export function permitTypedData(owner: Address): TypedDataSample {
  const domain = {
    name: 'USD Coin',
    version: '2',
    verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  } as const
  const spender = '0x000000000022D473030F116dDEE9F6B43aC78BA3'
  return {
    json: {
      domain: { ...domain, chainId: '1' },
      types: permitTypes,
      primaryType: 'Permit',
      message: {
        owner,
        spender,
        value: MAX_UINT256.toString(),
        nonce: '0',
        deadline: 1_893_456_000,
      },
    },
    verify: (address, signature) =>
      verifyTypedData({
        address,
        signature,
        domain: { ...domain, chainId: 1n },
        types: permitTypes,
        primaryType: 'Permit',
        message: {
          owner,
          spender,
          value: MAX_UINT256,
          nonce: 0n,
          deadline: 1_893_456_000n,
        },
      }),
  }
}
