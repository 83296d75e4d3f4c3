import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'

import { requireAdmin, type AdminCredential } from '../auth/admin-auth.js'
import { observeJobs, observeQueues } from '../metrics/queue-metrics.js'
import type { WorkQueue } from '../work-queue.js'

export interface MetricsOptions {
  workQueue: WorkQueue
  admin: AdminCredential
}

/** The route label of requests that matched no route. */
const UNMATCHED = '(unmatched)'

/**
 * Prometheus metrics at `GET /metrics`, for the admin only: process
 * metrics, HTTP request durations, queue sizes and job durations.
 */
export default fp<MetricsOptions>(
  async function metricsPlugin(app: FastifyInstance, options) {
    // A registry of the app's own rather than prom-client's global one, so
    // that several apps in one process (as in tests) do not clash.
    const registry = new Registry()
    collectDefaultMetrics({ register: registry })
    observeRequests(app, registry)
    observeQueues(registry, options.workQueue.queues)
    const closeJobEvents = observeJobs(registry, options.workQueue)
    app.addHook('onClose', closeJobEvents)

    app.get(
      '/metrics',
      {
        schema: { hide: true },
        // Scrapers poll on a schedule and hold the admin credential.
        config: { rateLimit: false },
        onRequest: requireAdmin(options.admin),
      },
      async (_request, reply) => {
        const text = await registry.metrics()
        return reply.type(registry.contentType).send(text)
      },
    )
  },
  { name: 'metrics' },
)

function observeRequests(app: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'custos_http_request_duration_seconds',
    help: 'Time taken to answer HTTP requests, by route pattern',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  })

  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        // The pattern, never the URL: ids in paths would make one series
        // per id.
        route: request.routeOptions.url ?? UNMATCHED,
        status_code: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    )
  })
}
