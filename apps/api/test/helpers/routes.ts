import type { FastifyInstance } from 'fastify'

/** One method of one route, as the app registered it (`/v1/wallets/:id`). */
export interface RouteMethod {
  method: string
  url: string
}

// A line of printRoutes' tree: its indent (four characters a level), the
// path segment, and the methods in parentheses.
const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (.+?) \(([^)]*)\)$/

/**
 * Every route the app answers, read from its own route table, so that a
 * route added later is included without anyone listing it. HEAD, which
 * Fastify adds to every GET, is left out.
 */
export function listRoutes(app: FastifyInstance): RouteMethod[] {
  const prefixes: string[] = []
  const routes: RouteMethod[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = TREE_LINE.exec(line)
    if (!match) continue
    const [, indent = '', segment = '', methods = ''] = match
    const depth = indent.length / 4
    const url = (prefixes[depth - 1] ?? '') + segment
    prefixes[depth] = url
    prefixes.length = depth + 1
    for (const method of methods.split(', ')) {
      if (method !== 'HEAD') routes.push({ method, url })
    }
  }
  return routes
}

/** A JSON schema, as the OpenAPI document writes one. */
export interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
}

/** What the OpenAPI document says a route takes. */
export interface RouteContract {
  body: JsonSchema | undefined
  query: Record<string, JsonSchema>
  /** False for routes documented as needing no credential. */
  secured: boolean
}

interface Operation {
  security?: unknown[]
  parameters?: { in: string; name: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
}

/** The route's contract, or undefined when it is not documented. */
export function contractOf(
  document: OpenApiDocument,
  route: RouteMethod,
): RouteContract | undefined {
  const path = route.url.replace(/:(\w+)/g, '{$1}')
  const operation = document.paths[path]?.[route.method.toLowerCase()]
  if (!operation) return undefined
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query')
  return {
    body: operation.requestBody?.content['application/json']?.schema,
    query: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    secured: operation.security?.length !== 0,
  }
}
