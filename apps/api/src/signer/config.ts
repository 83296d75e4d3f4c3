import { ConfigError, EnvReader, type Env } from '../shared/env.js'
import { readChainSource, type ChainSource } from '../shared/chains.js'
import { readBaseConfig, type BaseConfig } from '../shared/config.js'

/** Where the master key comes from; its bytes are read by master-key.ts. */
export type MasterKeySource =
  | { kind: 'env'; base64: string }
  | { kind: 'file'; path: string }
  | { kind: 'development' }

export interface SignerConfig extends BaseConfig {
  masterKey: MasterKeySource
  /** Jobs one signer process works on at once, per queue. */
  concurrency: number
  reconcileIntervalMs: number
  chains: ChainSource
  /** How often submitted transactions are checked on their chain. */
  trackIntervalMs: number
  /** How long an unmined transaction waits before higher fees replace it. */
  stuckAfterMs: number
}

/** Reads the signer's configuration; only this process sees MASTER_KEY. */
export function loadSignerConfig(env: Env = process.env): SignerConfig {
  const read = new EnvReader(env)
  const base = readBaseConfig(read)
  const config: SignerConfig = {
    ...base,
    masterKey: readMasterKeySource(read, base.production),
    concurrency: read.integer('SIGNER_CONCURRENCY', 4, 1, 256),
    reconcileIntervalMs: read.integer('RECONCILE_INTERVAL_MS', 10_000, 100),
    chains: readChainSource(read, base.production),
    trackIntervalMs: read.integer('TRACK_INTERVAL_MS', 2000, 50),
    stuckAfterMs: read.integer('STUCK_AFTER_MS', 60_000, 100),
  }
  if (read.problems.length > 0) throw new ConfigError(read.problems)
  return config
}

function readMasterKeySource(
  read: EnvReader,
  production: boolean,
): MasterKeySource {
  const base64 = read.raw('MASTER_KEY')
  const file = read.raw('MASTER_KEY_FILE')
  if (base64 && file) {
    read.problems.push('set MASTER_KEY or MASTER_KEY_FILE, not both')
  }
  if (base64) {
    // The value is never echoed: it is the key.
    if (Buffer.from(base64, 'base64').length !== 32) {
      read.problems.push('MASTER_KEY must be 32 bytes, base64-encoded')
    }
    return { kind: 'env', base64 }
  }
  if (file) return { kind: 'file', path: file }
  if (production) {
    read.problems.push(
      'MASTER_KEY or MASTER_KEY_FILE is required when NODE_ENV=production',
    )
  }
  return { kind: 'development' }
}
