import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Shared output of the training, proof and verification benchmarks: a table on stdout and JSON under benchmarks/results/. */
export function printTable (rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return
  const cols = Object.keys(rows[0])
  const cell = (v: string | number): string => typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3)) : v
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? '').length)))
  const line = (vals: string[]): string => vals.map((v, i) => v.padStart(width[i])).join('  ')
  console.log(line(cols))
  console.log(line(width.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c] ?? ''))))
}

/** Machine facts recorded with every result (load average included: other processes skew timings). */
export function environment (): Record<string, unknown> {
  return { node: process.version, cpu: cpus()[0]?.model, cores: cpus().length, loadavg: loadavg(), date: new Date().toISOString() }
}

/** Writes `benchmarks/results/<name>.json`. */
export function writeResult (name: string, data: unknown): string {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n')
  return file
}

/** Warns when the machine was busy with other work while measuring. */
export function loadWarning (before: number[], after: number[]): string | null {
  const busy = Math.max(before[0], after[0])
  return busy > 0.5 ? `note: 1-minute load average was ${before[0].toFixed(2)} before and ${after[0].toFixed(2)} after (other processes shared the ${cpus().length} cores)` : null
}
