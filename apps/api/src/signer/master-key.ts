import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { Logger } from 'pino'

import type { MasterKeySource } from './config.js'
import { masterKeyId, type MasterKey } from './custody/envelope.js'

const DEVELOPMENT_KEY_FILE = 'master-key'

/**
 * Loads the master key from its configured source. In development, with no
 * source set, a key file is made under the data folder on first start.
 */
export async function loadMasterKey(
  source: MasterKeySource,
  dataDir: string,
  log: Logger,
): Promise<MasterKey> {
  const key = await readKeyBytes(source, dataDir, log)
  if (key.length !== 32) {
    key.fill(0)
    throw new Error('the master key must be 32 bytes')
  }
  return { id: masterKeyId(key), key }
}

async function readKeyBytes(
  source: MasterKeySource,
  dataDir: string,
  log: Logger,
): Promise<Buffer> {
  switch (source.kind) {
    case 'env':
      return Buffer.from(source.base64, 'base64')
    case 'file':
      return decodeKeyFile(await readFile(source.path))
    case 'development':
      return developmentKey(path.join(dataDir, DEVELOPMENT_KEY_FILE), log)
  }
}

/** A key file holds the key in base64, or its 32 raw bytes. */
function decodeKeyFile(contents: Buffer): Buffer {
  if (contents.length === 32) return contents
  const decoded = Buffer.from(contents.toString('utf8').trim(), 'base64')
  contents.fill(0)
  return decoded
}

async function developmentKey(file: string, log: Logger): Promise<Buffer> {
  try {
    return decodeKeyFile(await readFile(file))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
  try {
    // 'wx': when two signers start at once, the first file wins.
    await writeFile(file, randomBytes(32).toString('base64'), {
      mode: 0o600,
      flag: 'wx',
    })
    log.warn(
      { file },
      'no MASTER_KEY set: created a development master key file',
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return decodeKeyFile(await readFile(file))
}
