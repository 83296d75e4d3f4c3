/**
 * Small readers for environment variables. Each one records a problem
 * instead of throwing, so that start-up can report every bad variable at
 * once rather than one per attempt.
 */
export type Env = Record<string, string | undefined>

export class EnvReader {
  readonly problems: string[] = []

  constructor(private readonly env: Env) {}

  /** The raw value, with an empty string treated as unset. */
  raw(name: string): string | undefined {
    const value = this.env[name]?.trim()
    return value === '' ? undefined : value
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined
  }

  string(name: string, fallback: string): string
  string(name: string): string | undefined
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback
  }

  /** A value that must be present; `why` explains the requirement. */
  required(name: string, why: string): string {
    const value = this.raw(name)
    if (value === undefined) this.problems.push(`${name} is required ${why}`)
    return value ?? ''
  }

  integer(name: string, fallback: number, min = 0, max = 2 ** 31): number {
    const value = this.raw(name)
    if (value === undefined) return fallback
    const parsed = Number(value)
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(
        `${name} must be a whole number from ${min} to ${max}, got "${value}"`,
      )
      return fallback
    }
    return parsed
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase()
    if (value === undefined) return fallback
    if (['1', 'true', 'yes', 'on'].includes(value)) return true
    if (['0', 'false', 'no', 'off'].includes(value)) return false
    this.problems.push(`${name} must be true or false, got "${value}"`)
    return fallback
  }

  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.raw(name)
    if (value === undefined) return fallback
    if ((choices as readonly string[]).includes(value)) return value as T
    this.problems.push(`${name} must be one of ${choices.join(', ')}`)
    return fallback
  }

  /** A URL whose scheme is one of `protocols`, e.g. `['https:']`. */
  url(
    name: string,
    protocols: string[],
    fallback?: string,
  ): string | undefined {
    const value = this.raw(name) ?? fallback
    if (value === undefined) return undefined
    try {
      const parsed = new URL(value)
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(
          `${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`,
        )
      }
    } catch {
      // The value itself is not echoed: URLs here may hold credentials.
      this.problems.push(`${name} is not a valid URL`)
    }
    return value
  }

  list(name: string, fallback: string[]): string[] {
    const value = this.raw(name)
    if (value === undefined) return fallback
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }
}

/** Thrown when the environment cannot be turned into a valid config. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}
