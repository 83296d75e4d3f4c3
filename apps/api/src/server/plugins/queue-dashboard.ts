import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { FastifyAdapter } from '@bull-board/fastify'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

import { requireAdmin, type AdminCredential } from '../auth/admin-auth.js'
import type { WorkQueue } from '../work-queue.js'

export interface QueueDashboardOptions {
  workQueue: WorkQueue
  admin: AdminCredential
}

const QUEUE_DASHBOARD_PATH = '/admin/queues'

// @bull-board/fastify 9.10.1, its latest release, types itself against its
// own copy of @bull-board/api 9.10.1, while the board runs on 9.10.2. The
// adapter only mounts the routes createBullBoard hands it, so the copies
// agree at run time; TypeScript, seeing two declarations, does not.
type ServerAdapter = Parameters<typeof createBullBoard>[0]['serverAdapter']

/**
 * The API's policy forbids everything; the dashboard is a page that loads
 * its own scripts, styles and images, fetches its API, and writes inline
 * styles (in its HTML and at run time). Its web font, on Google's servers,
 * stays blocked: the page falls back to local fonts.
 */
const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Bull Board at /admin/queues, for the admin only: the queues' jobs, and
 * buttons to retry, promote or remove them. Bull Board and @fastify/static
 * mark their routes hidden, so none of them reaches the OpenAPI document.
 */
export default fp<QueueDashboardOptions>(
  async function queueDashboardPlugin(app: FastifyInstance, options) {
    const board = new FastifyAdapter()
    createBullBoard({
      queues: options.workQueue.queues.map((queue) => new BullMQAdapter(queue)),
      serverAdapter: board as unknown as ServerAdapter,
      options: { uiConfig: { boardTitle: 'Custos queues' } },
    })

    app.addHook('onRequest', requireAdmin(options.admin))
    // security-headers.ts set the API's policy in an earlier hook; this
    // one replaces it.
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('content-security-policy', DASHBOARD_CSP)
    })
    await app.register(board.registerPlugin(), {
      prefix: QUEUE_DASHBOARD_PATH,
    })
  },
  // Encapsulated: the hooks above apply to the dashboard's routes only.
  { name: 'queue-dashboard', dependencies: ['security'], encapsulate: true },
)
