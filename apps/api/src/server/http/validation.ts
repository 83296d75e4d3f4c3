import type { FastifySchemaCompiler } from 'fastify'
import { Ajv, type Options } from 'ajv'
import addFormats from 'ajv-formats'

const common: Options = {
  useDefaults: true,
  // Unknown fields are refused, never silently dropped.
  removeAdditional: false,
  // allErrors would let one crafted body make the validator do unbounded work.
  allErrors: false,
  addUsedSchema: false,
  strict: false,
}

function build(options: Options): Ajv {
  const ajv = new Ajv({ ...common, ...options })
  addFormats.default(ajv)
  return ajv
}

// Bodies are JSON and must carry the declared types: `{"name": 123}` is a
// mistake to report, not to repair. Query strings, path parameters and
// headers are text by nature and are converted to the declared types.
const bodies = build({ coerceTypes: false })
const textParts = build({ coerceTypes: 'array' })

export const validatorCompiler: FastifySchemaCompiler<object> = ({
  schema,
  httpPart,
}) => (httpPart === 'body' ? bodies : textParts).compile(schema)
