import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

describe('the API / signer boundary', () => {
  it('is enforced by the lint rule', async () => {
    const eslint = new ESLint({ cwd: root })
    // An existing file's path, so the type-aware parser knows the project;
    // the text linted is the one given here.
    const file = path.join(root, 'src/server/wallets/routes.ts')

    const [result] = await eslint.lintText(
      "import { openSeed } from '../../signer/custody/envelope.js'\n" +
        'export const leak = openSeed\n',
      { filePath: file },
    )

    const rules = result?.messages.map((message) => message.ruleId)
    expect(rules).toContain('no-restricted-imports')
  })

  it('holds: no server or shared file imports signer code', async () => {
    const files = [
      ...(await sourceFiles(path.join(root, 'src/server'))),
      ...(await sourceFiles(path.join(root, 'src/shared'))),
    ]
    const offenders: string[] = []
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      if (/from '[^']*\/signer\//.test(text)) offenders.push(file)
    }

    expect(files.length).toBeGreaterThan(10)
    expect(offenders).toEqual([])
  })
})
