import { spawn } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { loadConfig } from '../src/shared/config.js'
import { ConfigError } from '../src/shared/env.js'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
  return []
}

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://custos@db:5432/custos',
  REDIS_URL: 'redis://cache:6379',
  CORS_ORIGINS: 'https://wallet.example',
  DYNAMIC_ENVIRONMENT_ID: 'env-1',
  ADMIN_PASSWORD: 'a-long-admin-password',
  RPC_URL: 'https://node.example/v3/secret-project-key',
}

describe('loadConfig', () => {
  it('works on a developer machine with no variables set', () => {
    const config = loadConfig({})

    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/custos',
      redisUrl: 'redis://127.0.0.1:6379',
      production: false,
    })
    expect(config.auth.devIssuer).toBe(true)
  })

  it('accepts a complete production configuration', () => {
    const config = loadConfig(production)

    expect(config.production).toBe(true)
    expect(config.auth.devIssuer).toBe(false)
    expect(config.auth.dynamic?.environmentId).toBe('env-1')
    expect(config.corsOrigins).toEqual(['https://wallet.example'])
  })

  it('refuses production without explicit security settings', () => {
    const problems = problemsOf({ NODE_ENV: 'production' })

    expect(problems.join('\n')).toMatch(/DATABASE_URL is required/)
    expect(problems.join('\n')).toMatch(/REDIS_URL is required/)
    expect(problems.join('\n')).toMatch(/CORS_ORIGINS is required/)
    expect(problems.join('\n')).toMatch(/sign-in issuer/)
    expect(problems.join('\n')).toMatch(/ADMIN_PASSWORD is required/)
    expect(problems.join('\n')).toMatch(/RPC_URL is required/)
  })

  it('refuses the development issuer in production', () => {
    const problems = problemsOf({ ...production, AUTH_DEV_ISSUER: 'true' })

    expect(problems).toEqual([expect.stringMatching(/AUTH_DEV_ISSUER/)])
  })

  it('requires issuer and audience for a JWKS issuer in production', () => {
    const { DYNAMIC_ENVIRONMENT_ID: _, ...rest } = production
    const problems = problemsOf({
      ...rest,
      AUTH_JWKS_URL: 'https://id.example/jwks.json',
    })

    expect(problems).toEqual([
      expect.stringMatching(/AUTH_ISSUER is required/),
      expect.stringMatching(/AUTH_AUDIENCE is required/),
    ])
  })

  it('reports every malformed value at once, without echoing URLs', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      AUTH_DEV_ISSUER: 'maybe',
      DATABASE_URL: 'not a url:secretpass',
      REDIS_URL: 'http://cache',
      LOG_LEVEL: 'loud',
    })

    expect(problems).toHaveLength(5)
    expect(problems.join('\n')).not.toContain('secretpass')
  })

  it('reads a chain list from CHAINS', () => {
    const chain = {
      id: 11155111,
      name: 'Sepolia',
      rpcUrl: 'https://rpc.example/key',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      explorerUrl: 'https://sepolia.etherscan.io',
      confirmations: 3,
    }

    const config = loadConfig({ CHAINS: JSON.stringify([chain]) })

    expect(config.chains).toEqual({ kind: 'list', chains: [chain] })
  })

  it('refuses a malformed chain list, and one that repeats an id', () => {
    const chain = {
      id: 1,
      name: 'Ethereum',
      rpcUrl: 'https://rpc.example',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      confirmations: 12,
    }

    expect(problemsOf({ CHAINS: '{oops' })).toEqual([
      expect.stringMatching(/CHAINS must be a JSON array/),
    ])
    expect(problemsOf({ CHAINS: JSON.stringify([{ id: 'one' }]) })).toEqual([
      expect.stringMatching(/CHAINS is not valid/),
    ])
    expect(problemsOf({ CHAINS: JSON.stringify([chain, chain]) })).toEqual([
      expect.stringMatching(/chain id twice/),
    ])
  })

  it('defaults to a local node in development only', () => {
    expect(loadConfig({}).chains).toEqual({
      kind: 'rpc',
      rpcUrl: 'http://127.0.0.1:8545',
      confirmations: 1,
    })
    expect(loadConfig({}).devFaucet).toBe(true)
    expect(loadConfig(production).devFaucet).toBe(false)
    expect(problemsOf({ ...production, DEV_FAUCET: 'true' })).toEqual([
      expect.stringMatching(/DEV_FAUCET/),
    ])
  })

  it('needs AUTH_JWKS_URL for AUTH_ISSUER', () => {
    expect(problemsOf({ AUTH_ISSUER: 'https://id.example' })).toEqual([
      expect.stringMatching(/need AUTH_JWKS_URL/),
    ])
  })
})

describe('the API process', () => {
  it('refuses to start with a bad configuration and says why', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts'],
      {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))

    const code = await new Promise((resolve) => child.on('exit', resolve))

    expect(code).toBe(1)
    expect(stderr).toMatch(/Invalid configuration/)
    expect(stderr).toMatch(/DATABASE_URL is required/)
  })
})
