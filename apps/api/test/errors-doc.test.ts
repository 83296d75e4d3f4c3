import { readFile } from 'node:fs/promises'

import { describe, expect, it } from 'vitest'

import { errorCatalog } from '../src/shared/errors.js'

describe('docs/errors.md', () => {
  it('lists every error code with its status, and nothing else', async () => {
    const doc = await readFile(
      new URL('../../../docs/errors.md', import.meta.url),
      'utf8',
    )
    const documented = [
      ...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm),
    ].map(([, code, status]) => [code, Number(status)])

    const catalog = Object.entries(errorCatalog).map(([code, { status }]) => [
      code,
      status,
    ])
    expect(documented.sort()).toEqual(catalog.sort())
  })
})
