import Fastify from 'fastify'

/**
 * The reference for authenticated reads: a Fastify server that answers a
 * constant, on the same machine and in the same run as the API.
 */
const app = Fastify({ logger: false })
app.get('/', async () => ({ hello: 'world' }))
const address = await app.listen({ host: '127.0.0.1', port: 0 })
process.stdout.write(`listening at ${address}\n`)
