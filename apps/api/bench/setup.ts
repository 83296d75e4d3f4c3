import { apiClient, type ApiClient } from './client.js'
import type { BenchStack } from './stack.js'

/**
 * Signs a user in with a token of the benchmark's issuer and makes an API
 * key, as an integration would: every load after this uses the key.
 */
export async function apiKeyClient(stack: BenchStack): Promise<ApiClient> {
  const session = apiClient(stack.apiUrl, await stack.token('bench-user'))
  const { key } = await session.request<{ key: string }>(
    'POST',
    '/v1/api-keys',
    { name: 'benchmark' },
  )
  return apiClient(stack.apiUrl, key)
}
