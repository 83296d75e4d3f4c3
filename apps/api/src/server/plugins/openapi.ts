import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * The OpenAPI 3.1 document, generated from the routes' schemas, at
 * `/openapi.json`, and an interactive reference at `/docs`.
 */
export default fp(
  async function openapiPlugin(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Custos API',
          version: '1.0.0',
          description:
            'Custodial wallets made and kept on your own servers. ' +
            'Authenticate with `Authorization: Bearer <token or API key>`.',
        },
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'A sign-in JWT, or an API key (csk_…)',
            },
          },
        },
        security: [{ bearer: [] }],
      },
    })
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      // Served over plain HTTP on a developer's machine, the page must not
      // ask the browser to upgrade its own assets to HTTPS.
      transformStaticCSP: (header) =>
        header.replace(/upgrade-insecure-requests;?/, ''),
      uiConfig: { url: '/openapi.json' },
    })

    app.get(
      '/openapi.json',
      { schema: { hide: true }, config: { rateLimit: false } },
      async () => app.swagger(),
    )
  },
  { name: 'openapi' },
)
