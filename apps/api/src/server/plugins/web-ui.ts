import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

export interface WebUiOptions {
  /** The web UI's build; apps/web/dist beside this package by default. */
  root?: string
  /** Dynamic sign-in is on: the page may then reach Dynamic's servers. */
  dynamic: boolean
}

/** apps/web/dist, from src/server/plugins or dist/server/plugins alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(
  new URL('../../../../web/dist', import.meta.url),
)

// Paths the API answers itself. The UI's fallback page never covers them,
// so an unknown one is still a JSON 404.
const API_PREFIXES = [
  '/v1',
  '/docs',
  '/openapi.json',
  '/healthz',
  '/readyz',
  '/metrics',
  '/admin',
  '/.well-known',
]

// What Dynamic's SDK reaches, read from the SDK: its API and logs, the
// wallet book and icons, and the frame of its hosted sign-in steps.
const DYNAMIC_SOURCES = {
  connect: [
    'https://app.dynamicauth.com',
    'https://logs.dynamicauth.com',
    'https://dynamic-static-assets.com',
  ],
  img: [
    'https://iconic.dynamic-static-assets.com',
    'https://dynamic-static-assets.com',
  ],
  frame: ['https://app.dynamicauth.com'],
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Custos: the web UI is not built</title>
<h1>The web UI is not built</h1>
<p>The Custos API is running (its reference is at <a href="/docs">/docs</a>),
but there is no web UI to serve here: <code>apps/web/dist</code> is missing.</p>
<p>Build it with <code>npm run build --workspace apps/web</code> and restart
the server, or start Custos with <code>npm start</code>, which builds it.</p>
</html>
`

/**
 * The page's policy: its own scripts, styles, images and API only. With
 * Dynamic, the nonce admits the inline styles Dynamic's widgets write,
 * and Dynamic's servers are added where the SDK needs them.
 */
export function webUiContentSecurityPolicy(nonce?: string): string {
  const dynamic = nonce !== undefined
  const extra = (sources: string[]) => (dynamic ? sources : [])
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", ...(dynamic ? [`'nonce-${nonce}'`] : [])],
    'img-src': ["'self'", 'data:', ...extra(DYNAMIC_SOURCES.img)],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...extra(DYNAMIC_SOURCES.connect)],
    'frame-src': dynamic ? DYNAMIC_SOURCES.frame : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0] ?? '/'
}

function isApiPath(urlPath: string): boolean {
  return API_PREFIXES.some(
    (prefix) => urlPath === prefix || urlPath.startsWith(`${prefix}/`),
  )
}

/** A page of the UI's router, as opposed to a file that is not there. */
function isPagePath(urlPath: string): boolean {
  const last = urlPath.slice(urlPath.lastIndexOf('/') + 1)
  return !isApiPath(urlPath) && !last.includes('.')
}

// The UI's files are not API calls: they spend none of a caller's budget.
const NO_RATE_LIMIT = {
  config: { rateLimit: false as const },
  schema: { hide: true },
}

/**
 * Serves the web UI from its build at `/`: its hashed assets, cached for
 * good, the other files of the build, and its page for every path of the
 * UI's router. Paths of the API are left alone. Without a build, the
 * server still starts and `/` says how to make one.
 */
export default fp<WebUiOptions>(
  async function webUiPlugin(app: FastifyInstance, options) {
    const root = options.root ?? DEFAULT_WEB_ROOT
    const indexFile = path.join(root, 'index.html')

    if (!existsSync(indexFile)) {
      app.log.warn({ root }, 'web UI not built: / says how to build it')
      const notBuilt = (request: FastifyRequest, reply: FastifyReply) =>
        isPagePath(pathOf(request))
          ? reply
              .code(404)
              .type('text/html; charset=utf-8')
              .send(NOT_BUILT_PAGE)
          : reply.callNotFound()
      app.get('/', NO_RATE_LIMIT, notBuilt)
      app.get('/*', NO_RATE_LIMIT, notBuilt)
      return
    }

    const page = readFileSync(indexFile, 'utf8')
    const sendPage = (_request: FastifyRequest, reply: FastifyReply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache')
      if (!options.dynamic) {
        return reply
          .header('content-security-policy', webUiContentSecurityPolicy())
          .send(page)
      }
      // A nonce per answer, as CSP requires; the page hands it to Dynamic.
      const nonce = randomBytes(16).toString('base64')
      const meta = `<meta name="custos-csp-nonce" content="${nonce}" />`
      return (
        reply
          .header('content-security-policy', webUiContentSecurityPolicy(nonce))
          // Dynamic's social sign-in opens a pop-up that reports back.
          .header('cross-origin-opener-policy', 'same-origin-allow-popups')
          .send(page.replace('</head>', `${meta}\n</head>`))
      )
    }

    await app.register(fastifyStatic, { root, serve: false })

    // Vite names these by their content, so a cached copy is never stale.
    app.get<{ Params: { '*': string } }>(
      '/assets/*',
      NO_RATE_LIMIT,
      (request, reply) =>
        reply.sendFile(request.params['*'], path.join(root, 'assets'), {
          immutable: true,
          maxAge: '365d',
        }),
    )
    const files = readdirSync(root, { withFileTypes: true }).filter(
      (entry) => entry.isFile() && entry.name !== 'index.html',
    )
    for (const file of files) {
      app.get(`/${file.name}`, NO_RATE_LIMIT, (_request, reply) =>
        reply.sendFile(file.name, { maxAge: 0 }),
      )
    }
    app.get('/', NO_RATE_LIMIT, sendPage)
    app.get('/*', NO_RATE_LIMIT, (request, reply) =>
      isPagePath(pathOf(request))
        ? sendPage(request, reply)
        : reply.callNotFound(),
    )
  },
  { name: 'web-ui', encapsulate: true },
)
