import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import type { Account } from '@/lib/api-types'
import { ANVIL, apiError, fakeApi } from '@/test/fake-api'
import { renderWithProviders } from '@/test/render'
import { transaction } from '@/test/transaction'

import { SendForm } from './send-form'

const FROM = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

const ACCOUNT: Account & { address: string } = {
  id: 'a1',
  walletId: 'w1',
  index: 0,
  path: "m/44'/60'/0'/0/0",
  name: null,
  status: 'ready',
  address: FROM,
  errorCode: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

const ESTIMATE = {
  chainId: 31337,
  gasLimit: '25200',
  maxFeePerGas: '2000000000',
  maxPriorityFeePerGas: '1000000000',
  expectedFee: '31500000000000',
  maxFee: '50400000000000',
  available: '10000000000000000000',
}

function renderForm() {
  const user = userEvent.setup()
  renderWithProviders(<SendForm account={ACCOUNT} chain={ANVIL} />)
  return {
    user,
    recipient: screen.getByLabelText('Recipient'),
    amount: screen.getByLabelText('Amount (ETH)'),
  }
}

describe('composing a send', () => {
  it('checks the recipient as it is typed', async () => {
    const { user, recipient } = renderForm()

    await user.type(recipient, '0x7099')
    expect(recipient).toHaveAccessibleDescription(
      'An address has 40 characters after 0x; this has 4.',
    )
    expect(recipient).toHaveAttribute('aria-invalid', 'true')

    await user.clear(recipient)
    await user.type(recipient, TO.replace('7099', '7O99'))
    expect(recipient).toHaveAccessibleDescription(
      'After 0x, an address has only the digits 0–9 and letters a–f.',
    )

    await user.clear(recipient)
    await user.type(recipient, TO)
    expect(recipient).not.toHaveAttribute('aria-invalid')
  })

  it('checks the amount as it is typed, in ether', async () => {
    const { user, amount } = renderForm()

    await user.type(amount, '1.5.')
    expect(amount).toHaveAccessibleDescription('Enter a number, such as 0.25.')

    await user.clear(amount)
    await user.type(amount, '1.5')
    expect(amount).not.toHaveAttribute('aria-invalid')
  })

  it('does not go on to review with a field left empty', async () => {
    const { user, recipient } = renderForm()

    await user.click(screen.getByRole('button', { name: /Review/ }))

    expect(recipient).toHaveAccessibleDescription(
      'Enter the recipient’s address.',
    )
    expect(screen.getByLabelText('Amount (ETH)')).toHaveAccessibleDescription(
      'Enter how much ETH to send.',
    )
  })
})

describe('reviewing and sending', () => {
  it('shows recipient, amount and the estimated fee, then sends once', async () => {
    const { requests } = fakeApi({
      'POST /v1/accounts/:id/transactions/estimate': () => ({ body: ESTIMATE }),
      'POST /v1/accounts/:id/transactions': () => ({
        status: 202,
        body: transaction({ id: 't9' }),
      }),
      'GET /v1/transactions/:id': () => ({
        body: transaction({ id: 't9' }),
      }),
    })
    const { user, recipient, amount } = renderForm()

    await user.type(recipient, TO.toLowerCase())
    await user.type(amount, '1.5')
    await user.click(screen.getByRole('button', { name: /Review/ }))

    expect(screen.getByTestId('review-recipient')).toHaveTextContent(TO)
    expect(screen.getByTestId('review-amount')).toHaveTextContent('1.5 ETH')
    expect(await screen.findByText('0.0000315 ETH')).toBeInTheDocument()
    expect(screen.getByText('at most 0.0000504 ETH')).toBeInTheDocument()
    const estimate = requests.find((request) =>
      request.path.endsWith('/estimate'),
    )
    expect(estimate?.body).toEqual({
      to: TO,
      value: '1500000000000000000',
      chainId: 31337,
    })

    await user.click(screen.getByRole('button', { name: 'Send 1.5 ETH' }))

    expect(await screen.findByTestId('transaction-status')).toHaveTextContent(
      'Queued',
    )
    const sends = requests.filter(
      (request) =>
        request.method === 'POST' &&
        request.path === '/v1/accounts/a1/transactions',
    )
    expect(sends).toHaveLength(1)
    expect(sends[0]?.body).toEqual(estimate?.body)
    const sent = fetchedRequests().find((request) =>
      request.url.endsWith('/v1/accounts/a1/transactions'),
    )
    expect(sent?.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('says in words why a send cannot be made, and offers no Send', async () => {
    fakeApi({
      'POST /v1/accounts/:id/transactions/estimate': () =>
        apiError(422, 'INSUFFICIENT_FUNDS'),
    })
    const { user, recipient, amount } = renderForm()

    await user.type(recipient, TO)
    await user.type(amount, '1000')
    await user.click(screen.getByRole('button', { name: /Review/ }))

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The balance cannot pay this amount plus the most the network fee may cost',
    )
    expect(
      screen.getByRole('button', { name: 'Send 1,000 ETH' }),
    ).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByLabelText('Amount (ETH)')).toHaveValue('1000')
  })
})

/** The Requests fetch was called with, headers included. */
function fetchedRequests(): Request[] {
  const fetch = globalThis.fetch as unknown as {
    mock: { calls: [Request][] }
  }
  return fetch.mock.calls.map(([request]) => request)
}
