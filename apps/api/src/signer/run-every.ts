/**
 * Runs `pass` now and then every `intervalMs`. A pass still running when
 * the next is due (PostgreSQL, Redis or a node slow or away) is not run a
 * second time beside itself; its failure goes to `onError`.
 */
export function runEvery(
  intervalMs: number,
  pass: () => Promise<void>,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined

  function tick(): void {
    running ??= pass()
      .catch(onError)
      .finally(() => (running = undefined))
  }

  tick()
  const timer = setInterval(tick, intervalMs)
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
