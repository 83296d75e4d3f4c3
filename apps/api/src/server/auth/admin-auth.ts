import { createHash, timingSafeEqual } from 'node:crypto'

import type { FastifyReply, FastifyRequest } from 'fastify'

import { AppError } from '../../shared/errors.js'

/** The operator's credential for /metrics and the queue dashboard. */
export interface AdminCredential {
  username: string
  password: string
}

const CHALLENGE = 'Basic realm="custos-admin"'
const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2})$/i

/** True when `authorization` carries the admin credential as HTTP Basic. */
export function isAdmin(
  authorization: string | undefined,
  admin: AdminCredential,
): boolean {
  const match = BASIC.exec(authorization ?? '')
  if (!match) return false
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return false

  // Both halves are always compared, so the time taken does not tell a
  // wrong username from a wrong password.
  const username = sameSecret(decoded.slice(0, colon), admin.username)
  const password = sameSecret(decoded.slice(colon + 1), admin.password)
  return username && password
}

/**
 * An onRequest hook that admits only the admin. Anyone else gets a 401 with
 * a Basic challenge, so browsers ask for the credential. It answers by
 * itself rather than throwing: inside the queue dashboard, Bull Board's own
 * error handler would reshape a thrown error.
 */
export function requireAdmin(admin: AdminCredential) {
  return async function adminOnly(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    if (isAdmin(request.headers.authorization, admin)) return undefined

    const error = new AppError(
      'UNAUTHENTICATED',
      'Send the admin credential with HTTP Basic authentication',
    )
    request.log.info({ code: error.code }, 'request refused')
    return reply
      .status(error.statusCode)
      .header('www-authenticate', CHALLENGE)
      .send({ error: { code: error.code, message: error.message } })
  }
}

// Hashing first gives both sides the same length, so the comparison time
// does not reveal the secret's length either.
function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected))
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
