// The part of autocannon's API the benchmark uses; the package ships no
// types of its own.
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    method?: 'GET' | 'POST'
    headers?: Record<string, string>
    body?: string
  }

  interface Histogram {
    average: number
    p50: number
    p99: number
  }

  interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }

  export default function autocannon(options: Options): Promise<Result>
}
