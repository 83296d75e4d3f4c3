import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Redis } from 'ioredis'

import type { DatabaseHandle } from '../../shared/db/client.js'
import { migrationsApplied } from '../../shared/db/migrate.js'
import { ErrorResponseSchema } from '../http/schemas.js'

export interface HealthRoutesOptions {
  database: DatabaseHandle
  redis: Redis
}

const CHECK_TIMEOUT_MS = 1000

const CheckStateSchema = Type.Union([
  Type.Literal('ok'),
  Type.Literal('failed'),
])
const ChecksSchema = Type.Object({
  database: CheckStateSchema,
  migrations: CheckStateSchema,
  redis: CheckStateSchema,
})

const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (
  app,
  { database, redis },
) => {
  const common = { tags: ['health'], security: [] }

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        ...common,
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        ...common,
        summary: 'PostgreSQL and Redis answer and migrations are applied',
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            checks: ChecksSchema,
          }),
          503: Type.Intersect([
            ErrorResponseSchema,
            Type.Object({ checks: ChecksSchema }),
          ]),
        },
      },
    },
    async (request, reply) => {
      const [databaseUp, migrations, redisUp] = await Promise.all([
        check(() => database.sql`select 1`),
        check(() => assertMigrated(database)),
        check(() => redis.ping()),
      ])
      const checks = { database: databaseUp, migrations, redis: redisUp }
      if (Object.values(checks).every((state) => state === 'ok')) {
        return { status: 'ready' as const, checks }
      }
      request.log.warn({ checks }, 'not ready')
      const failed = Object.entries(checks)
        .filter(([, state]) => state === 'failed')
        .map(([name]) => name)
      return reply.status(503).send({
        error: {
          code: 'NOT_READY',
          message: `Not ready: ${failed.join(', ')}`,
        },
        checks,
      })
    },
  )
}

async function assertMigrated(database: DatabaseHandle): Promise<void> {
  if (!(await migrationsApplied(database))) throw new Error('not migrated')
}

async function check(probe: () => Promise<unknown>): Promise<'ok' | 'failed'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS)
  })
  try {
    await Promise.race([probe(), timeout])
    return 'ok'
  } catch {
    return 'failed'
  } finally {
    clearTimeout(timer)
  }
}

export default healthRoutes
