import { readFile } from 'node:fs/promises'

import { expect, it } from 'vitest'

import { API_TYPES_FILE, generateApiTypes } from './api-types.js'

it('the committed API types are those of the API as it is now', async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8')

  const generated = await generateApiTypes()

  expect(
    generated,
    'src/lib/api-schema.ts is out of date: run `npm run api-types --workspace apps/web`',
  ).toBe(committed)
})
