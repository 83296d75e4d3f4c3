import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { devToken } from './support/api.js'
import { DESKTOP, launchChromium, openPage, PHONE } from './support/browser.js'
import { makeSampleData, type SampleData } from './support/sample-data.js'
import { SCREENS, type Screen } from './support/screens.js'
import { uniqueUser, startSession } from './support/session.js'

/** Where the pictures go: `<screen>-<layout>-<theme>.png`, not committed. */
const FOLDER = fileURLToPath(new URL('screenshots/', import.meta.url))

interface Layout {
  name: string
  viewport: { width: number; height: number }
  phone: boolean
}
const LAYOUTS: Layout[] = [
  { name: 'desktop', viewport: DESKTOP, phone: false },
  { name: 'phone', viewport: PHONE, phone: true },
]
const THEMES = ['light', 'dark'] as const

describe('screenshots of the main screens', () => {
  let browser: Browser
  let data: SampleData
  let newcomer: string

  beforeAll(async () => {
    await mkdir(FOLDER, { recursive: true })
    browser = await launchChromium()
    data = await makeSampleData(uniqueUser('sample'))
    newcomer = await devToken(uniqueUser('newcomer'))
  })
  afterAll(() => browser?.close())

  async function tokenFor(screen: Screen): Promise<string | null> {
    if (screen.user === 'visitor') return null
    if (screen.user === 'fresh') return devToken(uniqueUser('fresh'))
    return screen.user === 'sample' ? data.token : newcomer
  }

  /** A new page showing `screen` as `layout` sees it, ready for a picture. */
  async function openScreen(layout: Layout, screen: Screen): Promise<Page> {
    const page = await openPage(browser, {
      viewport: layout.viewport,
      isMobile: layout.phone,
      hasTouch: layout.phone,
      deviceScaleFactor: layout.phone ? 2 : 1,
    })
    const token = await tokenFor(screen)
    if (token !== null) await startSession(page, token)
    if (screen.hangs !== undefined) await page.route(screen.hangs, () => {})
    await page.goto(screen.path(data))
    await screen.show(page)
    if (screen.hangs === undefined) await settled(page)
    return page
  }

  for (const layout of LAYOUTS) {
    it(`${layout.name}, in both themes`, async () => {
      for (const screen of SCREENS) {
        const page = await openScreen(layout, screen)
        // A page wider than the screen is a layout bug on phones.
        expect(await overflowsSideways(page), screen.name).toBe(false)
        // The UI follows the system's theme until told otherwise, so one
        // page load serves both pictures.
        for (const theme of THEMES) {
          await page.emulateMedia({ colorScheme: theme })
          await page.screenshot({
            path: `${FOLDER}${screen.name}-${layout.name}-${theme}.png`,
            fullPage: screen.viewportOnly !== true,
            // Colour transitions would catch the theme change half done.
            animations: 'disabled',
          })
        }
        await page.context().close()
      }
    })
  }
})

/** Waits until nothing on the page is loading or spinning. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.animate-pulse, .animate-spin').length === 0,
  )
  await page.evaluate(() => document.fonts.ready)
}

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  )
}
