/**
 * Coordinator benchmarks: aggregation throughput and round overhead.
 *
 * 1. Aggregation: 8 deltas of 100k and 1M floats (and the MNIST MLP's
 *    101,770), averaged by samples and applied with FedAvg and Nesterov.
 *    GB/s = bytes of deltas read per second.
 * 2. Round overhead: 50 simulated workers in one process, the real store
 *    (SQLite WAL + blob folder on disk) and RoundManager: joins, open,
 *    schedule, 50 submissions of MLP-sized deltas, verification (a no-op
 *    verifier), aggregation, evaluation (a no-op), state transitions. Training
 *    time is excluded; this is what the coordinator itself adds per round.
 *
 * Usage: node benchmarks/aggregation.ts [--quick]
 * Writes benchmarks/results/aggregation.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { aggregate } from '../coordinator/aggregation/aggregate.ts'
import { outerOptimizer } from '../coordinator/config.ts'
import type { OuterOptimizerConfig } from '../coordinator/config.ts'
import { RoundManager } from '../coordinator/rounds/RoundManager.ts'
import { floatSubmission } from '../coordinator/testing/floatSubmission.ts'
import { CoordinatorStore } from '../coordinator/store/CoordinatorStore.ts'
import { tempDir } from '../coordinator/testing/tempDir.ts'

const quick = process.argv.includes('--quick')
const MLP_PARAMS = 784 * 128 + 128 + 128 * 10 + 10 // 101,770

interface AggregationRow { optimizer: string, deltas: number, floats: number, msPerAggregation: number, gbPerSec: number }
interface OverheadRow { synchronous: string, workers: number, floats: number, rounds: number, msPerRound: number, phases: Record<string, number> }

function randomVector (n: number, seed: number, scale: number): Float32Array {
  const v = new Float32Array(n)
  let x = seed >>> 0 || 1
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    v[i] = ((x >>> 0) / 4294967296 - 0.5) * scale
  }
  return v
}

function benchAggregation (floats: number, k: number, optimizer: OuterOptimizerConfig): AggregationRow {
  const weights = randomVector(floats, 1, 0.1)
  const deltas = Array.from({ length: k }, (_, i) => ({ values: randomVector(floats, i + 2, 1e-3), samples: 1000 + 100 * i }))
  const momentum = optimizer.kind === 'nesterov' ? new Float32Array(floats) : undefined
  const scratch = new Float32Array(floats)
  for (let i = 0; i < 3; i++) aggregate({ weights, deltas, optimizer, momentum, scratch })
  const budgetMs = quick ? 200 : 1000
  let runs = 0
  const t0 = performance.now()
  while (performance.now() - t0 < budgetMs || runs < 5) {
    aggregate({ weights, deltas, optimizer, momentum, scratch })
    runs++
  }
  const ms = (performance.now() - t0) / runs
  const bytes = k * floats * 4
  return { optimizer: optimizer.kind, deltas: k, floats, msPerAggregation: round3(ms), gbPerSec: round3(bytes / (ms / 1000) / 1e9) }
}

async function benchRoundOverhead (synchronous: 'FULL' | 'NORMAL', workers: number, floats: number, rounds: number): Promise<OverheadRow> {
  const tmp = tempDir('cotrain-bench-')
  let now = 1_700_000_000_000
  const clock = (): number => now
  const store = await CoordinatorStore.open(tmp.dir, { synchronous })
  try {
    const manager = new RoundManager({
      store,
      clock,
      config: { minUpdates: workers, livenessMs: 3_600_000, aggregation: outerOptimizer('nesterov') },
      evaluate: async () => ({ loss: 0, accuracy: 0 }),
      verify: async () => ({ accepted: true, score: 80 })
    })
    await manager.ensureInitialModel(randomVector(floats, 7, 0.1), { evaluate: false })
    const deltas = Array.from({ length: workers }, (_, i) => randomVector(floats, 100 + i, 1e-3))
    const shards = Array.from({ length: workers * 2 }, (_, i) => ({ id: `shard-${i}`, samples: 600 }))
    const phases: Record<string, number[]> = { join: [], open: [], schedule: [], submit: [], verifyAggregate: [], total: [] }

    for (let r = 1; r <= rounds; r++) {
      // Fresh delta bytes every round, so every blob write is a real write.
      for (const [w, d] of deltas.entries()) d[0] = r * 1e-6 + w * 1e-9
      const t0 = performance.now()
      // Joins arrive together, as a fleet's do, and share their commits.
      await Promise.all(Array.from({ length: workers }, async (_, w) => await manager.joinWorker({ peerId: `peer-${w}`, address: '0x' + (w + 1).toString(16).padStart(40, '0'), capabilities: { samplesPerSec: 1000 + 37 * w } })))
      const t1 = performance.now()
      const round = manager.openRound({ shards, hyperParams: { innerSteps: 100 } })
      const t2 = performance.now()
      const assignments = manager.startTraining()
      const t3 = performance.now()
      now += 60_000
      for (const [w, a] of assignments.entries()) {
        // The round number in the commitment keeps commitments unique across rounds.
        await manager.submit({
          round: round.number,
          peerId: a.worker,
          commitment: '0x' + (r * 1000 + w).toString(16).padStart(64, '0'),
          proofRoot: '0x' + 'ab'.repeat(32),
          leafCount: 10,
          samples: a.samples,
          ...floatSubmission(deltas[w])
        })
      }
      const t4 = performance.now()
      const done = await manager.tick()
      const t5 = performance.now()
      if (done?.state !== 'done') throw new Error(`round ${r} ended ${done?.state ?? 'nowhere'}: ${done?.failureReason ?? ''}`)
      phases.join.push(t1 - t0)
      phases.open.push(t2 - t1)
      phases.schedule.push(t3 - t2)
      phases.submit.push(t4 - t3)
      phases.verifyAggregate.push(t5 - t4)
      phases.total.push(t5 - t0)
      now += 1000
    }
    const med = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round3(median(v))]))
    return { synchronous, workers, floats, rounds, msPerRound: med.total, phases: med }
  } finally {
    store.close()
    tmp.remove()
  }
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

function round3 (x: number): number {
  return Math.round(x * 1000) / 1000
}

function table (headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map(r => r.map(String))]
  const widths = headers.map((_, i) => Math.max(...cells.map(r => r[i].length)))
  const line = (r: string[]): string => r.map((c, i) => c.padStart(widths[i])).join('  ')
  return [line(headers), widths.map(w => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

benchAggregation(100_000, 8, outerOptimizer('nesterov')) // JIT warm-up, not reported
const aggregation: AggregationRow[] = []
for (const floats of [100_000, MLP_PARAMS, 1_000_000]) {
  for (const opt of [outerOptimizer('fedavg'), outerOptimizer('nesterov')]) aggregation.push(benchAggregation(floats, 8, opt))
}
console.log('Aggregation: sample-weighted mean of 8 deltas + outer step, in place (GB/s of deltas read)\n')
console.log(table(['optimizer', 'deltas', 'floats', 'ms/aggregation', 'GB/s'], aggregation.map(r => [r.optimizer, r.deltas, r.floats, r.msPerAggregation.toFixed(3), r.gbPerSec.toFixed(2)])))

const overheadRounds = quick ? 2 : 5
const overhead: OverheadRow[] = []
for (const sync of ['FULL', 'NORMAL'] as const) overhead.push(await benchRoundOverhead(sync, 50, MLP_PARAMS, overheadRounds))
console.log(`\nRound overhead, 50 in-process workers, ${MLP_PARAMS}-float deltas, median of ${overheadRounds} rounds (ms; training excluded)\n`)
console.log(table(['sqlite sync', 'joins', 'open', 'schedule', '50 submits', 'verify+aggregate', 'total/round'],
  overhead.map(r => [r.synchronous, r.phases.join, r.phases.open, r.phases.schedule, r.phases.submit, r.phases.verifyAggregate, r.msPerRound].map(x => typeof x === 'number' ? x.toFixed(1) : x))))

const result = {
  benchmark: 'aggregation',
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  quick,
  aggregation,
  roundOverhead: overhead
}
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'aggregation.json')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
console.log(`\nwrote ${out}`)
