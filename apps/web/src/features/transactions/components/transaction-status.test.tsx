import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { ANVIL, fakeApi } from '@/test/fake-api'
import { renderWithProviders } from '@/test/render'
import { transaction } from '@/test/transaction'

import { TransactionProgress } from './transaction-progress'
import {
  TransactionStatusBadge,
  transactionStatusView,
} from './transaction-status'

const HASH = `0x${'ab'.repeat(32)}`

describe('transactionStatusView', () => {
  it('says where a transaction is and what comes next', () => {
    expect(transactionStatusView(transaction({}))).toEqual({
      label: 'Queued',
      tone: 'neutral',
      description: 'Waiting for a signer to sign and broadcast it.',
    })
    expect(
      transactionStatusView(transaction({ status: 'submitted', hash: HASH })),
    ).toMatchObject({
      label: 'Submitted',
      tone: 'info',
      description: 'Broadcast to the network; waiting to be mined.',
    })
    expect(
      transactionStatusView(
        transaction({ status: 'submitted', blockNumber: 7 }),
      ).description,
    ).toBe('Mined in block 7; waiting for confirmations.')
    expect(
      transactionStatusView(
        transaction({ status: 'confirmed', blockNumber: 9 }),
      ),
    ).toMatchObject({
      label: 'Confirmed',
      tone: 'success',
      description: 'Final, in block 9.',
    })
  })

  it('explains a failure by its error code', () => {
    expect(
      transactionStatusView(
        transaction({ status: 'failed', errorCode: 'EXECUTION_REVERTED' }),
      ),
    ).toEqual({
      label: 'Failed',
      tone: 'danger',
      description: 'It was mined but reverted; its fee was paid.',
    })
  })

  it('shows the status as a badge with its explanation on hover', () => {
    renderWithProviders(
      <TransactionStatusBadge
        transaction={transaction({
          status: 'failed',
          errorCode: 'GAS_TOO_LOW',
        })}
      />,
    )

    expect(screen.getByText('Failed')).toHaveAttribute(
      'title',
      'The network refused its gas limit as too low.',
    )
  })
})

describe('TransactionProgress', () => {
  it('follows a send live from queued to confirmed', async () => {
    const states = [
      transaction({}),
      transaction({ status: 'submitted', hash: HASH }),
      transaction({
        status: 'confirmed',
        hash: HASH,
        blockNumber: 3,
        feeWei: '21000000000000',
      }),
    ]
    fakeApi({
      'GET /v1/transactions/:id': () => ({
        body: states.length > 1 ? states.shift() : states[0],
      }),
    })

    renderWithProviders(
      <TransactionProgress transactionId="t1" chain={ANVIL} />,
    )

    const status = await screen.findByTestId('transaction-status')
    expect(status).toHaveTextContent('Queued')
    await screen.findByText('Submitted', { selector: 'p' }, { timeout: 3000 })
    await screen.findByText('Final, in block 3.', {}, { timeout: 3000 })
    expect(screen.getByTestId('transaction-status')).toHaveTextContent(
      'Confirmed',
    )
    expect(screen.getByText('0.000021 ETH')).toBeInTheDocument()
    const steps = screen.getByRole('list', { name: 'Progress' })
    expect(within(steps).queryByText('1')).not.toBeInTheDocument()
    expect(
      screen.queryByRole('link', { name: /block explorer/ }),
    ).not.toBeInTheDocument()
  })

  it('links to the block explorer when the chain has one', async () => {
    fakeApi({
      'GET /v1/transactions/:id': () => ({
        body: transaction({ status: 'confirmed', hash: HASH, blockNumber: 1 }),
      }),
    })

    renderWithProviders(
      <TransactionProgress
        transactionId="t1"
        chain={{ ...ANVIL, explorerUrl: 'https://explorer.example/' }}
      />,
    )

    expect(
      await screen.findByRole('link', { name: /block explorer/ }),
    ).toHaveAttribute('href', `https://explorer.example/tx/${HASH}`)
  })
})
