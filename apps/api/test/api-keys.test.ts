import { randomBytes, randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  bearer,
  devToken,
  startTestApp,
  unique,
  type TestApp,
} from './helpers/app.js'
import { expectError } from './helpers/http.js'
import { waitFor } from './helpers/signer.js'

interface ApiKeyView {
  id: string
  name: string
  prefix: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

interface CreatedApiKey extends ApiKeyView {
  key: string
}

// A key reads `csk_<32 hex of the id>_<43 base64url of the secret>`.
const SECRET_START = 'csk_'.length + 32 + 1

function secretOf(key: string): string {
  return key.slice(SECRET_START)
}

/** The same key with one character of its secret changed. */
function tamper(key: string): string {
  const at = SECRET_START + 10
  const replacement = key[at] === 'A' ? 'B' : 'A'
  return key.slice(0, at) + replacement + key.slice(at + 1)
}

const BASE64URL =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * The same key with the last character of its secret changed in its lowest
 * bit only. 43 base64url characters carry 258 bits for a 256-bit secret, so
 * a lenient decoder reads both spellings as the same bytes.
 */
function tamperLastBits(key: string): string {
  const index = BASE64URL.indexOf(key.slice(-1))
  return key.slice(0, -1) + BASE64URL.charAt(index ^ 1)
}

describe('API keys', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp()
  })
  afterAll(() => t.close())

  const signIn = () => devToken(t.app, unique('key-owner'))

  const create = (credential: string, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: bearer(credential),
      payload: payload as object,
    })

  async function createKey(token: string, name = unique('key')) {
    const response = await create(token, { name })
    expect(response.statusCode).toBe(201)
    return response.json<CreatedApiKey>()
  }

  const me = (credential: string) =>
    t.app.inject({ url: '/v1/me', headers: bearer(credential) })

  const list = (credential: string) =>
    t.app.inject({ url: '/v1/api-keys', headers: bearer(credential) })

  async function listKeys(credential: string): Promise<ApiKeyView[]> {
    const response = await list(credential)
    expect(response.statusCode).toBe(200)
    return response.json<{ data: ApiKeyView[] }>().data
  }

  const revoke = (credential: string, id: string) =>
    t.app.inject({
      method: 'DELETE',
      url: `/v1/api-keys/${id}`,
      headers: bearer(credential),
    })

  async function userIdOf(credential: string): Promise<string> {
    const response = await me(credential)
    expect(response.statusCode).toBe(200)
    return response.json<{ id: string }>().id
  }

  describe('POST /v1/api-keys', () => {
    it('creates a key and shows it in the answer', async () => {
      const token = await signIn()
      const name = unique('ci deploy')

      const created = await createKey(token, name)

      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
        name,
        prefix: expect.stringMatching(/^csk_[0-9a-f]{8}$/) as string,
        createdAt: expect.any(String) as string,
        lastUsedAt: null,
        revokedAt: null,
        key: expect.stringMatching(/^csk_/) as string,
      })
      expect(created.key.startsWith(created.prefix)).toBe(true)
    })

    it('never returns the key again', async () => {
      const token = await signIn()
      const created = await createKey(token)

      const response = await list(token)

      expect(response.statusCode).toBe(200)
      expect(response.payload).not.toContain(created.key)
      expect(response.payload).not.toContain(secretOf(created.key))
      const [listed] = response.json<{ data: ApiKeyView[] }>().data
      expect(Object.keys(listed ?? {}).sort()).toEqual([
        'createdAt',
        'id',
        'lastUsedAt',
        'name',
        'prefix',
        'revokedAt',
      ])
      expect(listed).toMatchObject({ id: created.id, name: created.name })
    })

    it('accepts a name of exactly 100 characters', async () => {
      const token = await signIn()

      const response = await create(token, { name: 'n'.repeat(100) })

      expect(response.statusCode).toBe(201)
    })

    it('refuses a caller authenticated with an API key', async () => {
      const token = await signIn()
      const { key } = await createKey(token)

      const response = await create(key, { name: unique('from-a-key') })

      expectError(response, 403, 'SESSION_REQUIRED')
      expect(await listKeys(token)).toHaveLength(1)
    })

    it('refuses an anonymous caller', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        payload: { name: unique('anonymous') },
      })

      expectError(response, 401, 'UNAUTHENTICATED')
    })

    it.each([
      ['a missing name', {}],
      ['an empty name', { name: '' }],
      ['a whitespace-only name', { name: '  \t ' }],
      ['a name over 100 characters', { name: 'n'.repeat(101) }],
      ['an unknown field', { name: 'ok', scopes: ['all'] }],
      ['a number as the name', { name: 123 }],
      ['an object as the name', { name: { text: 'ok' } }],
      ['a body that is not an object', ['ok']],
    ])('refuses %s with 400', async (_case, payload) => {
      const token = await signIn()

      const response = await create(token, payload)

      expectError(response, 400, 'VALIDATION_FAILED')
      expect(await listKeys(token)).toEqual([])
    })

    it('refuses a request without a body', async () => {
      const token = await signIn()

      const response = await t.app.inject({
        method: 'POST',
        url: '/v1/api-keys',
        headers: bearer(token),
      })

      expectError(response, 400, 'VALIDATION_FAILED')
    })
  })

  describe('authenticating with a key', () => {
    it('acts as the user who made the key', async () => {
      const token = await signIn()
      const { key } = await createKey(token)

      expect(await userIdOf(key)).toBe(await userIdOf(token))
    })

    it('records when the key was last used', async () => {
      const token = await signIn()
      const created = await createKey(token)
      const [before] = await listKeys(token)
      expect(before?.lastUsedAt).toBeNull()

      expect((await me(created.key)).statusCode).toBe(200)

      const [after] = await listKeys(token)
      expect(after?.lastUsedAt).not.toBeNull()
      expect(Date.parse(after?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(created.createdAt),
      )
    })

    it('refuses a key whose secret was altered', async () => {
      const token = await signIn()
      const { key } = await createKey(token)

      expectError(await me(tamper(key)), 401, 'INVALID_API_KEY')
      expect((await me(key)).statusCode).toBe(200)
    })

    it('refuses a key whose last character was altered', async () => {
      const token = await signIn()
      const { key } = await createKey(token)

      expectError(await me(tamperLastBits(key)), 401, 'INVALID_API_KEY')
    })

    it("refuses one key's id with another key's secret", async () => {
      const token = await signIn()
      const first = await createKey(token)
      const second = await createKey(token)
      const mixed = first.key.slice(0, SECRET_START) + secretOf(second.key)

      expectError(await me(mixed), 401, 'INVALID_API_KEY')
    })

    it('refuses a well-formed key that was never issued', async () => {
      const id = randomBytes(16).toString('hex')
      const secret = randomBytes(32).toString('base64url')

      const response = await me(`csk_${id}_${secret}`)

      expectError(response, 401, 'INVALID_API_KEY')
    })

    it('refuses a malformed key', async () => {
      expectError(await me('csk_not-a-key'), 401, 'INVALID_API_KEY')
    })

    it('keeps the key out of the logs', async () => {
      const token = await signIn()
      const { key } = await createKey(token)

      await me(key)
      await me(tamper(key))

      expect(t.logText()).not.toContain(secretOf(key))
      expect(t.logText()).not.toContain(secretOf(tamper(key)))
    })
  })

  describe('GET /v1/api-keys', () => {
    it("lists only the caller's own keys, newest first", async () => {
      const alice = await signIn()
      const bob = await signIn()
      const first = await createKey(alice)
      const second = await createKey(alice)
      const bobs = await createKey(bob)

      const alicesKeys = await listKeys(alice)
      const bobsKeys = await listKeys(bob)

      expect(alicesKeys.map((key) => key.id)).toEqual([second.id, first.id])
      expect(bobsKeys.map((key) => key.id)).toEqual([bobs.id])
    })

    it('answers a caller using an API key', async () => {
      const token = await signIn()
      const created = await createKey(token)

      const keys = await listKeys(created.key)

      expect(keys.map((key) => key.id)).toEqual([created.id])
    })
  })

  describe('DELETE /v1/api-keys/:id', () => {
    it('revokes the key, which stops working at once', async () => {
      const token = await signIn()
      const created = await createKey(token)
      expect((await me(created.key)).statusCode).toBe(200)

      const response = await revoke(token, created.id)

      expect(response.statusCode).toBe(200)
      const revoked = response.json<ApiKeyView>()
      expect(revoked).toMatchObject({ id: created.id, name: created.name })
      expect(revoked).not.toHaveProperty('key')
      expect(revoked.revokedAt).not.toBeNull()
      expectError(await me(created.key), 401, 'INVALID_API_KEY')
      const [listed] = await listKeys(token)
      expect(listed?.revokedAt).toBe(revoked.revokedAt)
    })

    it('keeps the first revocation time when revoked twice', async () => {
      const token = await signIn()
      const created = await createKey(token)

      const first = await revoke(token, created.id)
      const second = await revoke(token, created.id)

      expect(first.statusCode).toBe(200)
      expect(second.statusCode).toBe(200)
      const firstRevokedAt = first.json<ApiKeyView>().revokedAt
      expect(firstRevokedAt).not.toBeNull()
      expect(second.json<ApiKeyView>().revokedAt).toBe(firstRevokedAt)
    })

    it("answers 404 for another user's key and leaves it working", async () => {
      const owner = await signIn()
      const stranger = await signIn()
      const created = await createKey(owner)

      const response = await revoke(stranger, created.id)

      expectError(response, 404, 'API_KEY_NOT_FOUND')
      expect(await userIdOf(created.key)).toBe(await userIdOf(owner))
      const [listed] = await listKeys(owner)
      expect(listed?.revokedAt).toBeNull()
    })

    it('answers 404 for a key that does not exist', async () => {
      const token = await signIn()

      const response = await revoke(token, randomUUID())

      expectError(response, 404, 'API_KEY_NOT_FOUND')
    })

    it('answers 400 for an id that is not a uuid', async () => {
      const token = await signIn()

      const response = await revoke(token, 'not-a-uuid')

      expectError(response, 400, 'VALIDATION_FAILED')
    })

    it('lets a caller using an API key revoke a key', async () => {
      const token = await signIn()
      const keeper = await createKey(token)
      const target = await createKey(token)

      const response = await revoke(keeper.key, target.id)

      expect(response.statusCode).toBe(200)
      expectError(await me(target.key), 401, 'INVALID_API_KEY')
      expect((await me(keeper.key)).statusCode).toBe(200)
    })

    it('lets a key revoke itself', async () => {
      const token = await signIn()
      const created = await createKey(token)

      const response = await revoke(created.key, created.id)

      expect(response.statusCode).toBe(200)
      expectError(await me(created.key), 401, 'INVALID_API_KEY')
    })

    it('refuses an anonymous caller', async () => {
      const response = await t.app.inject({
        method: 'DELETE',
        url: `/v1/api-keys/${randomUUID()}`,
      })

      expectError(response, 401, 'UNAUTHENTICATED')
    })
  })

  describe('in several API processes', () => {
    let other: TestApp
    beforeAll(async () => {
      other = await startTestApp({ API_KEY_CACHE_MS: '60000' })
    })
    afterAll(() => other.close())

    const meOnOther = (credential: string) =>
      other.app.inject({ url: '/v1/me', headers: bearer(credential) })

    /**
     * A key that the other process has verified and now keeps: revoked
     * behind its back, straight in the database, it still works there.
     * Its cache turns on once its revocation channel listens, so keys are
     * tried until one is kept.
     */
    async function keyKeptByOther(token: string): Promise<CreatedApiKey> {
      for (let attempt = 0; attempt < 50; attempt++) {
        const created = await createKey(token)
        expect((await meOnOther(created.key)).statusCode).toBe(200)
        await t.database.sql`
          update api_keys set revoked_at = now() where id = ${created.id}`
        const kept = (await meOnOther(created.key)).statusCode === 200
        await t.database.sql`
          update api_keys set revoked_at = null where id = ${created.id}`
        if (kept) return created
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error('the other process never kept a key')
    }

    it('stops a key revoked through one process in the others at once', async () => {
      const token = await signIn()
      const kept = await keyKeptByOther(token)

      expect((await revoke(token, kept.id)).statusCode).toBe(200)

      // As soon as Redis delivers the announcement, far inside the minute
      // the other process would otherwise keep the key.
      const refused = await waitFor(
        async () => (await meOnOther(kept.key)).statusCode === 401,
        { timeoutMs: 5000, intervalMs: 10 },
      )
      expect(refused).toBe(true)
    })

    it('still checks the secret of a key it keeps', async () => {
      const token = await signIn()
      const kept = await keyKeptByOther(token)

      expectError(await meOnOther(tamper(kept.key)), 401, 'INVALID_API_KEY')
      expect((await meOnOther(kept.key)).statusCode).toBe(200)
    })
  })

  describe('storage', () => {
    it('keeps only a 32-byte hash of the secret', async () => {
      const token = await signIn()
      const created = await createKey(token)
      const secret = Buffer.from(secretOf(created.key), 'base64url')

      const [row] = await t.database.sql<{ hash: Buffer; text: string }[]>`
        select secret_hash as hash, row_to_json(k)::text as text
        from api_keys k where id = ${created.id}`

      expect(row?.hash).toHaveLength(32)
      expect(row?.hash.equals(secret)).toBe(false)
      expect(row?.text).not.toContain(created.key)
      expect(row?.text).not.toContain(secretOf(created.key))
      expect(row?.text).not.toContain(secret.toString('hex'))
      expect(row?.text).not.toContain(secret.toString('base64'))
    })
  })
})
