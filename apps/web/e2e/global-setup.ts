import type { TestProject } from 'vitest/node'

import { startCustos } from './stack/custos.js'
import { assertChromium } from './support/browser.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's Custos serves the web UI and the API. */
    baseUrl: string
  }
}

/**
 * One Custos for the whole e2e run, shared by its test files; each file
 * signs in users of its own, so none sees another's wallets.
 */
export default async function setup(project: TestProject) {
  assertChromium()
  const stack = await startCustos()
  // Teardown does not run when the run is interrupted; this still does.
  const abandon = () => stack.abandon()
  process.once('exit', abandon)
  project.provide('baseUrl', stack.baseUrl)

  return async () => {
    process.off('exit', abandon)
    await stack.close()
  }
}
