import { fileURLToPath } from 'node:url'

/** apps/api: the e2e run starts its API and signer from their sources. */
export const API_ROOT = fileURLToPath(new URL('../../../api/', import.meta.url))

/** Loaded into each started Node process; see exit-with-parent.ts. */
export const EXIT_WITH_PARENT = new URL('exit-with-parent.ts', import.meta.url)
  .href
