import type { Transaction } from '@/lib/api-types'

/** A transaction as the API answers it: 1.5 ETH, queued, unless told. */
export function transaction(overrides: Partial<Transaction>): Transaction {
  return {
    id: 't1',
    accountId: 'a1',
    chainId: 31337,
    from: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    value: '1500000000000000000',
    data: null,
    nonce: 0,
    gasLimit: '25200',
    maxFeePerGas: '2000000000',
    maxPriorityFeePerGas: '1000000000',
    status: 'queued',
    hash: null,
    blockNumber: null,
    gasUsed: null,
    effectiveGasPrice: null,
    feeWei: null,
    errorCode: null,
    submittedAt: null,
    confirmedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }
}
