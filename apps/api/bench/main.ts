import { writeFile } from 'node:fs/promises'

import { runBenchmarks } from './run.js'
import { readSettings } from './settings.js'
import { markdownReport, markdownTable } from './table.js'

const REPORT = new URL('../../../docs/benchmarks.md', import.meta.url)

const settings = readSettings(process.argv.slice(2))
const report = await runBenchmarks(settings, (line) => console.log(line))
console.log(`\n${markdownTable(report.rows)}\n`)
await writeFile(REPORT, markdownReport(report))
console.log(`written to docs/benchmarks.md`)
