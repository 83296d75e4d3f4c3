import { availableParallelism, cpus } from 'node:os'

import { CPU_GROUPS, type CpuGroup, type CpuUse } from './cpu.js'

/** One line of the results: a figure and the bound it is measured against. */
export interface Row {
  name: string
  figure: string
  bound: string
  /** figure ÷ bound, when both count the same thing. */
  ratio: number | undefined
  note: string
  /** CPU used by each process group while `operations` were done. */
  cpu?: { use: CpuUse; operations: number }
}

export interface Report {
  date: string
  cpus: number
  cpuModel: string
  node: string
  mode: 'full' | 'quick'
  rows: Row[]
  setup: string[]
}

export function machine(): Pick<Report, 'cpus' | 'cpuModel' | 'node'> {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
  }
}

/** A number in a table: whole above 100, three significant digits below. */
export function format(value: number, unit = ''): string {
  const text =
    value >= 100
      ? Math.round(value).toLocaleString('en-US')
      : value.toPrecision(3)
  return unit ? `${text} ${unit}` : text
}

/** The results as a Markdown table, which also reads well in a terminal. */
export function markdownTable(rows: Row[]): string {
  const lines = [
    '| benchmark | figure | bound (same run) | ratio | notes |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) =>
      [
        row.name,
        row.figure,
        row.bound,
        row.ratio === undefined ? '' : row.ratio.toFixed(2),
        row.note,
      ]
        .map((cell) => cell.replaceAll('|', '\\|'))
        .join(' | '),
    ),
  ]
  return lines.map((line) => `| ${line.replace(/^\| | \|$/g, '')} |`).join('\n')
}

const GROUP_TITLES: Record<CpuGroup, string> = {
  api: 'API',
  signers: 'signers',
  postgres: 'PostgreSQL',
  redis: 'Redis',
  anvil: 'Anvil',
  bench: 'load and polling',
}

/**
 * CPU milliseconds per operation of each process group, and how many
 * cores were busy in all: where a figure falls short of its bound, this
 * says which process spent the time.
 */
export function cpuTable(rows: Row[]): string {
  const measured = rows.filter((row) => row.cpu)
  if (measured.length === 0) return ''
  const header = ['benchmark', ...CPU_GROUPS.map((g) => GROUP_TITLES[g])]
  const lines = measured.map((row) => {
    const { use, operations } = row.cpu as NonNullable<Row['cpu']>
    const perOperation = CPU_GROUPS.map(
      (group) => (use.byGroup[group] * 1000) / operations,
    )
    const total = perOperation.reduce((sum, ms) => sum + ms, 0)
    const busy = (total * operations) / 1000 / use.seconds
    return [
      row.name,
      ...perOperation.map((ms) => ms.toFixed(2)),
      total.toFixed(2),
      busy.toFixed(2),
    ]
  })
  return [
    [...header, 'total', 'cores busy'],
    [...header, 'total', 'cores busy'].map(() => '---'),
    ...lines,
  ]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n')
}

/** docs/benchmarks.md: the table, the machine and how the run was set up. */
export function markdownReport(report: Report): string {
  return [
    '# Benchmarks',
    '',
    `Measured on ${report.date} with \`npm run bench\`` +
      `${report.mode === 'quick' ? ' -- --quick' : ''}, on ${report.cpus} ` +
      `CPUs (${report.cpuModel}), Node ${report.node}. Every bound was ` +
      'measured in the same run on the same machine, so the ratio is what ' +
      'carries from one machine to another; the absolute figures do not.',
    '',
    markdownTable(report.rows),
    '',
    '## Where the CPU went',
    '',
    'CPU milliseconds per operation (wallet, account, signature, read or ' +
      'transaction) of each group of processes, read from /proc during ' +
      'the measured part of each benchmark, and the cores busy in all. ' +
      'PostgreSQL and Redis are counted whole, so a quiet machine is ' +
      'assumed.',
    '',
    cpuTable(report.rows),
    '',
    '## How the run was set up',
    '',
    ...report.setup.map((line) => `- ${line}`),
    '',
  ].join('\n')
}
