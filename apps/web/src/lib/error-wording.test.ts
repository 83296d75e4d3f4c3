import { describe, expect, it } from 'vitest'

import errorsDoc from '../../../../docs/errors.md?raw'
import { ApiError, NETWORK_ERROR } from './api-error'
import {
  describeCreationFailure,
  describedCodes,
  describeError,
  describeTransactionFailure,
} from './error-wording'

/** The codes of one table of docs/errors.md, found by its heading. */
function codesUnder(heading: string): string[] {
  const section = errorsDoc
    .split(/^## /m)
    .find((part) => part.startsWith(heading))
  const table = section ?? errorsDoc.split(/^## /m)[0] ?? ''
  return [...table.matchAll(/^\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) +\|/gm)].flatMap(
    (row) => (row[1] ?? '').split(', ').map((code) => code.replaceAll('`', '')),
  )
}

const error = (code: string, status: number, message = 'm') =>
  new ApiError(code, message, status, 'req-1')

describe('describeError', () => {
  it('has words for every error code the API documents', () => {
    const documented = codesUnder('Error codes')

    expect(documented.length).toBeGreaterThan(30)
    expect(describedCodes()).toEqual(expect.arrayContaining(documented))
  })

  it('speaks to the person, not in codes', () => {
    expect(describeError(error('INSUFFICIENT_FUNDS', 422))).toEqual({
      title:
        'The balance cannot pay this amount plus the most the network fee ' +
        'may cost, counting sends still under way.',
    })
    expect(describeError(ApiError.network(new TypeError('x')))).toEqual({
      title:
        'Custos could not be reached. Check your connection, then try again.',
    })
    expect(NETWORK_ERROR).toBe('NETWORK_ERROR')
  })

  it('adds the server message where it names what is wrong', () => {
    expect(
      describeError(
        error('INVALID_TYPED_DATA', 400, 'missing field "wallet" of Person'),
      ),
    ).toEqual({
      title: 'This typed data cannot be signed as EIP-712.',
      detail: 'missing field "wallet" of Person',
    })
  })

  it('gives the request id of a server failure, to report it', () => {
    expect(describeError(error('INTERNAL_ERROR', 500))).toEqual({
      title: 'Something went wrong on the server.',
      detail: 'If it keeps happening, report request id req-1.',
    })
  })

  it('says how long to wait when rate-limited', () => {
    const limited = new ApiError('RATE_LIMITED', 'm', 429, null, 12)

    expect(describeError(limited).detail).toBe('Wait 12 s, then try again.')
  })

  it('still says something for a code it does not know', () => {
    expect(describeError(error('SOMETHING_NEW', 409, 'it clashed'))).toEqual({
      title: 'The server refused this (SOMETHING_NEW).',
      detail: 'it clashed',
    })
    expect(describeError(new Error('bug')).title).toMatch(/Reload/)
  })
})

describe('failures recorded on a resource', () => {
  it('has words for every documented transaction failure', () => {
    for (const code of codesUnder('Why a transaction failed')) {
      expect(describeTransactionFailure(code), code).not.toContain(code)
    }
  })

  it('has words for every documented wallet or account failure', () => {
    for (const code of codesUnder('Why a wallet or account failed')) {
      expect(describeCreationFailure(code), code).not.toContain(code)
    }
  })

  it('names a code it does not know', () => {
    expect(describeTransactionFailure('NEW_REASON')).toBe(
      'It failed (NEW_REASON).',
    )
    expect(describeCreationFailure(null)).toBe('Its keys could not be made.')
  })
})
