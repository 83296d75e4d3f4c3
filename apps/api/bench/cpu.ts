import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

/**
 * Where the CPU goes during a benchmark, read from /proc (Linux): the
 * API, the signers and Anvil by process id, PostgreSQL and Redis by
 * process name (the servers are shared, so the machine must be quiet),
 * and this process, which runs the load generator and the polling.
 */
export const CPU_GROUPS = [
  'api',
  'signers',
  'postgres',
  'redis',
  'anvil',
  'bench',
] as const
export type CpuGroup = (typeof CPU_GROUPS)[number]

/** CPU seconds by group over `seconds` of wall time. */
export interface CpuUse {
  seconds: number
  byGroup: Record<CpuGroup, number>
}

export interface StackPids {
  api: number[]
  signers: number[]
  anvil: number[]
}

/** Starts a measurement; calling what it returns ends it. */
export type CpuMeter = () => () => CpuUse

const BY_NAME: Partial<Record<string, CpuGroup>> = {
  postgres: 'postgres',
  'redis-server': 'redis',
  anvil: 'anvil',
}

export function cpuMeter(pids: () => StackPids): CpuMeter {
  const ticksPerSecond = clockTicks()
  return () => {
    const started = performance.now()
    const before = snapshot(pids(), ticksPerSecond)
    return () => {
      const after = snapshot(pids(), ticksPerSecond)
      const byGroup = emptyUse()
      // A process that ended in between is left out: its time is lost.
      for (const [key, [group, seconds]] of after) {
        const earlier = before.get(key)
        if (earlier) byGroup[group] += seconds - earlier[1]
      }
      return { seconds: (performance.now() - started) / 1000, byGroup }
    }
  }
}

type Snapshot = Map<string, [CpuGroup, number]>

function snapshot(pids: StackPids, ticksPerSecond: number): Snapshot {
  const groups = new Map<number, CpuGroup>()
  for (const pid of pids.api) groups.set(pid, 'api')
  for (const pid of pids.signers) groups.set(pid, 'signers')
  for (const pid of pids.anvil) groups.set(pid, 'anvil')

  const times: Snapshot = new Map()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const stat = readStat(pid)
    if (!stat) continue
    const group = groups.get(pid) ?? BY_NAME[stat.name]
    if (group)
      times.set(`${pid}:${stat.start}`, [group, stat.ticks / ticksPerSecond])
  }
  const own = process.cpuUsage()
  times.set('bench', ['bench', (own.user + own.system) / 1e6])
  return times
}

/** utime + stime and start time of a process, or undefined once gone. */
function readStat(
  pid: number,
): { name: string; ticks: number; start: string } | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'))
  // Fields after the name, counted from 3 as proc(5) numbers them.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return { name, ticks, start: fields[19] ?? '' }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }))
  } catch {
    return 100
  }
}

function emptyUse(): Record<CpuGroup, number> {
  return Object.fromEntries(CPU_GROUPS.map((group) => [group, 0])) as Record<
    CpuGroup,
    number
  >
}
