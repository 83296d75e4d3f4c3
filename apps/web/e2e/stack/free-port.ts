import { createServer, type AddressInfo } from 'node:net'

/**
 * A local TCP port nobody listens on right now. Another process may take
 * it before ours does; the stack's processes then fail to start, loudly.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
