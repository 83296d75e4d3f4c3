import { Writable } from 'node:stream'

import pino from 'pino'
import { describe, expect, it } from 'vitest'

import { CENSOR, loggerOptions, redactSecrets } from './logger.js'

describe('redactSecrets', () => {
  it('blanks secret fields up to three levels down', () => {
    const line = {
      token: 't',
      nested: { mnemonic: 'words', keep: 1 },
      req: { headers: { authorization: 'Bearer x', host: 'h' } },
    }

    expect(redactSecrets(line)).toEqual({
      token: CENSOR,
      nested: { mnemonic: CENSOR, keep: 1 },
      req: { headers: { authorization: CENSOR, host: 'h' } },
    })
    expect(line.req.headers.authorization).toBe('Bearer x')
  })

  it('looks inside arrays', () => {
    expect(redactSecrets({ items: [{ seed: 's' }, { id: 1 }] })).toEqual({
      items: [{ seed: CENSOR }, { id: 1 }],
    })
  })

  it('returns a clean object itself, uncopied', () => {
    const line = { method: 'GET', url: '/v1/me', nested: { statusCode: 200 } }

    expect(redactSecrets(line)).toBe(line)
  })

  it('stops at a depth, and survives a cycle', () => {
    const cycle: Record<string, unknown> = { name: 'loop' }
    cycle.self = cycle

    expect(() => redactSecrets(cycle)).not.toThrow()
    expect(redactSecrets({ a: { b: { c: { password: 'deep' } } } })).toEqual({
      a: { b: { c: { password: 'deep' } } },
    })
  })
})

describe('loggerOptions', () => {
  it('keeps secrets out of what pino writes', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const log = pino(loggerOptions('info', 'test'), sink)

    log.info({ privateKey: '0xabc', job: { dataKey: 'k' } }, 'signed')

    expect(lines.join('')).not.toMatch(/0xabc|"k"/)
    expect(lines.join('')).toContain(CENSOR)
  })
})
