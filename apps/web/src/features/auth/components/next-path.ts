/**
 * Where to go after signing in: the `next` the sign-in page was sent with,
 * when it is a path of this site. Anything else (another origin, a
 * protocol-relative `//host`) would let a link send people elsewhere.
 */
export function nextPathFrom(params: URLSearchParams): string {
  const next = params.get('next')
  if (next === null || !next.startsWith('/') || next.startsWith('//')) {
    return '/'
  }
  if (next.startsWith('/\\') || next.startsWith('/sign-in')) return '/'
  return next
}

/** The sign-in address that leads back to `path` afterwards. */
export function signInPathFor(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`
}
