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
