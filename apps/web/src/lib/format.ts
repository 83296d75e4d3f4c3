const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})

/** A timestamp from the API, in the person's locale and time zone. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso))
}

/** A hash or long hex string, cut to its ends. */
export function shortHex(hex: string, keep = 8): string {
  return hex.length <= keep * 2 + 3
    ? hex
    : `${hex.slice(0, keep + 2)}…${hex.slice(-keep)}`
}
