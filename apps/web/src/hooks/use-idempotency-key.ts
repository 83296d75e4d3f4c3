import { useCallback, useState } from 'react'

import { newIdempotencyKey } from '@/lib/idempotency'

/**
 * One Idempotency-Key per intended action: kept across retries of the same
 * request, renewed once it succeeded or its details changed.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newIdempotencyKey)
  const renew = useCallback(() => setKey(newIdempotencyKey()), [])
  return [key, renew]
}
