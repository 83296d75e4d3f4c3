import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { format, resolveConfig } from 'prettier'

import { runBenchmarks } from './run.js'
import { BENCHMARKS, readSettings } from './settings.js'
import { cpuTable, markdownReport, markdownTable } from './table.js'

const REPORT = new URL('../../../docs/benchmarks.md', import.meta.url)

const settings = readSettings(process.argv.slice(2))
const report = await runBenchmarks(settings, (line) => console.log(line))
console.log(`\n${markdownTable(report.rows)}\n\n${cpuTable(report.rows)}\n`)
if (settings.only.length < BENCHMARKS.length) {
  console.log('some benchmarks only: docs/benchmarks.md left as it was')
  process.exit(0)
}
// Written as the repository's formatter would, so the lint stays green.
const path = fileURLToPath(REPORT)
const options = await resolveConfig(path)
const text = await format(markdownReport(report), {
  ...options,
  filepath: path,
})
await writeFile(REPORT, text)
console.log(`written to docs/benchmarks.md`)
