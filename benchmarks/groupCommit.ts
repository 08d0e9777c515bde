/**
 * What a durable write costs the coordinator: N worker joins (the real
 * CoordinatorStore.upsertWorker) written with one commit each, as the
 * coordinator did, and group-committed (CoordinatorStore.durableWrite: all
 * that arrive within the window share one commit), at SQLite synchronous =
 * FULL (every commit fsyncs the WAL: durable across a power cut) and NORMAL
 * (no fsync per commit: durable across a process crash only). Milliseconds
 * of the event loop per write; the store is on the data dir's disk.
 *
 * node benchmarks/groupCommit.ts [--writes 300] [--dir DIR]
 *
 * Writes benchmarks/results/group-commit.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { CoordinatorStore } from '../coordinator/store/CoordinatorStore.ts'

const { values } = parseArgs({ options: { writes: { type: 'string', default: '300' }, dir: { type: 'string', default: tmpdir() } } })
const n = Number(values.writes)
if (!Number.isInteger(n) || n < 1) throw new Error(`--writes takes a positive integer, got ${values.writes}`)

interface Row { synchronous: 'FULL' | 'NORMAL', commit: 'one per write' | 'group', writes: number, msPerWrite: number }

const join1 = (store: CoordinatorStore, i: number, tag: string): ReturnType<CoordinatorStore['upsertWorker']> =>
  store.upsertWorker({ peerId: `${tag}${i}`, address: '0x' + (i + 1 + (tag === 'g' ? n : 0)).toString(16).padStart(40, '0'), capabilities: {}, samplesPerSec: 1000, at: Date.now() })

const rows: Row[] = []
const loadStart = loadavg()[0]
for (const synchronous of ['FULL', 'NORMAL'] as const) {
  const dir = mkdtempSync(join(values.dir as string, 'cotrain-group-commit-'))
  const store = await CoordinatorStore.open(dir, { synchronous })
  try {
    let t = performance.now()
    for (let i = 0; i < n; i++) join1(store, i, 'o')
    rows.push({ synchronous, commit: 'one per write', writes: n, msPerWrite: (performance.now() - t) / n })
    t = performance.now()
    await Promise.all(Array.from({ length: n }, async (_, i) => await store.durableWrite(() => join1(store, i, 'g'))))
    rows.push({ synchronous, commit: 'group', writes: n, msPerWrite: (performance.now() - t) / n })
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

process.stdout.write('| synchronous | commit | writes | ms per write |\n|---|---|---|---|\n')
for (const r of rows) process.stdout.write(`| ${r.synchronous} | ${r.commit} | ${r.writes} | ${r.msPerWrite.toFixed(3)} |\n`)
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'group-commit.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify({ benchmark: 'group-commit', date: new Date().toISOString(), machine: { cpu: cpus()[0]?.model, cores: cpus().length, loadavg: [loadStart, loadavg()[0]] }, rows }, null, 2) + '\n')
process.stderr.write(`wrote ${out}\n`)
