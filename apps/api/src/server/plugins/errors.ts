import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
} from 'fastify'
import fp from 'fastify-plugin'

import { isConnectionLost } from '../../shared/db/connection-errors.js'
import { AppError, type ErrorCode } from '../../shared/errors.js'

// Errors raised by Fastify itself, before a handler runs.
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
}

/** Turns anything thrown into an AppError; unknown errors become 500s. */
export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    return new AppError('VALIDATION_FAILED', error.message)
  }
  const mapped = fastifyError.code && FRAMEWORK_CODES[fastifyError.code]
  if (mapped) return new AppError(mapped)
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return new AppError('INVALID_JSON')
  }
  // A connection the database dropped (a failover, a restart) costs the
  // queries in flight; the pool reconnects, so the caller may retry.
  if (isConnectionLost(error)) {
    return new AppError('SERVICE_UNAVAILABLE', undefined, { cause: error })
  }
  const status = fastifyError.statusCode ?? 500
  if (status >= 400 && status < 500) return new AppError('BAD_REQUEST')
  return new AppError('INTERNAL_ERROR', undefined, { cause: error })
}

/**
 * Answers with an error, shaped `{ error: { code, message } }`. A 5xx says
 * nothing of its cause to the caller; the cause goes to the log with the
 * request id.
 */
export function replyWithError(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const appError = toAppError(error)
  if (appError.statusCode >= 500) {
    request.log.error({ err: error }, 'request failed')
  } else {
    request.log.info({ code: appError.code }, 'request refused')
  }
  return reply.status(appError.statusCode).send({
    error: { code: appError.code, message: appError.message },
  })
}

/**
 * The one place where errors raised on a route become HTTP answers. Those
 * the router raises before any route is found (a malformed or overlong
 * path) reach replyWithError through the `frameworkErrors` option instead.
 */
export default fp(
  async function errorsPlugin(app: FastifyInstance) {
    app.setErrorHandler(replyWithError)

    app.setNotFoundHandler((request, reply) => {
      return reply.status(404).send({
        error: { code: 'NOT_FOUND', message: 'Nothing exists at this address' },
      })
    })
  },
  { name: 'errors' },
)
