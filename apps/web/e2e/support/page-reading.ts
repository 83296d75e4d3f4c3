import type { Locator, Page } from 'playwright-core'

/** The message tied to a control by aria-describedby: its hint or error. */
export async function descriptionOf(control: Locator): Promise<string | null> {
  const id = await control.getAttribute('aria-describedby')
  if (id === null) return null
  return control.page().locator(`[id="${id}"]`).textContent()
}

/**
 * The one balance shown in `scope`, as displayed ("8.49 ETH"), or with
 * `exact` as its full-precision title; null while it is loading.
 */
export async function balanceIn(
  scope: Locator,
  exact = false,
): Promise<string | null> {
  const shown = scope.getByTitle(/ ETH$/)
  if ((await shown.count()) !== 1) return null
  return exact ? shown.getAttribute('title') : shown.textContent()
}

/** The row of the list `list` whose link is named `name`. */
export function rowOf(page: Page, list: string, name: string): Locator {
  return page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
}

/** The definition beside `term` in a description list. */
export function definitionOf(page: Page, term: string): Locator {
  return page.getByRole('term').filter({ hasText: term }).locator('+ dd')
}
