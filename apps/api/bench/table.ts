import { availableParallelism, cpus } from 'node:os'

/** One line of the results: a figure and the bound it is measured against. */
export interface Row {
  name: string
  figure: string
  bound: string
  /** figure ÷ bound, when both count the same thing. */
  ratio: number | undefined
  note: string
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
    '## How the run was set up',
    '',
    ...report.setup.map((line) => `- ${line}`),
    '',
  ].join('\n')
}
