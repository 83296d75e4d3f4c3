/**
 * A fresh Idempotency-Key. A form keeps one per intended action and sends
 * it again on a retry, so a request whose answer was lost cannot create a
 * second wallet or send twice. crypto.randomUUID is left alone: it exists
 * only on HTTPS and localhost, and Custos may be served over plain HTTP
 * inside a network.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(
    '',
  )
}
