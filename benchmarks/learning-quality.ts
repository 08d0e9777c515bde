/**
 * Learning quality of DiLoCo-style rounds, measured, not assumed: 4 workers
 * that each train H local steps on their own quarter of the data and exchange
 * one (int8) delta per round, against 1 worker that sees the same total number
 * of samples with no communication at all. Also counts bytes sent against a
 * per-step gradient exchange (every worker sends and receives a float32
 * gradient each step), which is what DiLoCo replaces.
 *
 * Each side gets its own best learning rate, as a fair comparison must: the
 * single worker is run at every rate of LQ_BASELINE_LRS and the best one is
 * the baseline; the rounds use the coordinator's defaults (inner lr
 * DEFAULT_INNER_LEARNING_RATE, Nesterov outer step) unless LQ_INNER_LR,
 * LQ_OUTER_LR, LQ_MOMENTUM, LQ_FEDAVG_LR say otherwise. LQ_ROUNDS, LQ_STEPS,
 * LQ_SEED change the schedule and the initial weights. The runs are
 * independent, so they go to one child process per core.
 *
 * Measured on 2 cores (16 rounds of H = 100, two weight seeds): the rounds
 * match the single worker within 0.05 pp (97.45 vs 97.46 %, 97.39 vs
 * 97.42 % with LQ_SEED=s2); with 8 rounds they stay 0.3-0.6 pp behind, still climbing.
 *
 * Run: node benchmarks/learning-quality.ts  (writes results/learning-quality.json)
 */
import { cpus } from 'node:os'
import { childRunArgument, pool, runInChild } from './childRuns.ts'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { modelWeightCount } from '../lib/model/buildModel.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import { evaluate } from '../lib/model/evaluate.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { trainAlone, trainInRounds } from './diLoCoRuns.ts'
import { DEFAULT_INNER_LEARNING_RATE, outerOptimizer } from '../coordinator/config.ts'
import type { OuterOptimizerConfig } from '../coordinator/config.ts'
import { environment, printTable, writeResult } from './trainingReport.ts'

const WORKERS = 4
const ROUNDS = Number(process.env.LQ_ROUNDS ?? 16)
const H = Number(process.env.LQ_STEPS ?? 100)
const BATCH = 64
const TRAIN_SAMPLES = 32_000
const SEED = process.env.LQ_SEED ?? 'learning-quality'
const model: ModelConfigInput = { kind: 'mlp', hidden: [128] }
/** An override from the environment, else undefined (the coordinator's default). */
const envNumber = (name: string): number | undefined => process.env[name] === undefined ? undefined : Number(process.env[name])
const BASELINE_LRS = (process.env.LQ_BASELINE_LRS ?? '0.001,0.002,0.003').split(',').map(Number)
const INNER_LR = envNumber('LQ_INNER_LR') ?? DEFAULT_INNER_LEARNING_RATE

/** One independent training run of the comparison. */
type Run = { kind: 'single', lr: number } | { kind: 'rounds', lr: number, optimizer: OuterOptimizerConfig }
interface RunResult { run: Run, accuracy: number, loss: number, bytesSent: number, seconds: number, trace: number[] }

/** Trains one run in this process and returns its test accuracy and the bytes it sent. */
async function execute (run: Run): Promise<RunResult> {
  await selectBackend({ backend: 'wasm' })
  const train = await loadMnist({ split: 'train', limit: TRAIN_SAMPLES })
  const test = await loadMnist({ split: 'test' })
  const shards = splitIntoShards(train, WORKERS).map((s) => ({ id: s.id, dataset: s.dataset }))
  const common = { model, startWeights: initialWeights(model, SEED), shards, batchSize: BATCH, learningRate: run.lr }
  const started = Date.now()
  if (run.kind === 'single') {
    // The same total samples: WORKERS x ROUNDS x H x BATCH, in one run.
    const ev = await evaluate({ config: model, weights: await trainAlone({ ...common, steps: WORKERS * ROUNDS * H }) }, test)
    return { run, accuracy: ev.accuracy, loss: ev.loss, bytesSent: 0, seconds: (Date.now() - started) / 1000, trace: [] }
  }
  const trace: number[] = []
  const { weights, bytesSent } = await trainInRounds({ ...common, rounds: ROUNDS, steps: H, optimizer: run.optimizer, afterRound: async (w) => { trace.push((await evaluate({ config: model, weights: w }, test)).accuracy) } })
  const ev = await evaluate({ config: model, weights }, test)
  return { run, accuracy: ev.accuracy, loss: ev.loss, bytesSent, seconds: (Date.now() - started) / 1000, trace }
}

const childRun = childRunArgument<Run>()
if (childRun !== undefined) {
  process.stdout.write(JSON.stringify(await execute(childRun)) + '\n')
} else {
  const nesterov = outerOptimizer('nesterov', { lr: envNumber('LQ_OUTER_LR'), momentum: envNumber('LQ_MOMENTUM') })
  const fedavg = outerOptimizer('fedavg', { lr: envNumber('LQ_FEDAVG_LR') })
  const runs: Run[] = [
    { kind: 'rounds', lr: INNER_LR, optimizer: nesterov },
    { kind: 'rounds', lr: INNER_LR, optimizer: fedavg },
    ...BASELINE_LRS.map((lr): Run => ({ kind: 'single', lr }))
  ]
  const started = Date.now()
  console.log(`learning quality: ${runs.length} runs on ${Math.min(cpus().length, runs.length)} processes, ${WORKERS} workers x ${ROUNDS} rounds x H=${H} vs 1 worker on the same ${WORKERS * ROUNDS * H * BATCH} samples`)
  const results = await pool(runs, cpus().length, (run) => runInChild<RunResult>(import.meta.url, run))
  const params = modelWeightCount(model)
  // Synchronous data parallelism: each worker sends its float32 gradient and
  // receives the averaged one, every step.
  const perStepBytes = WORKERS * ROUNDS * H * params * 4 * 2
  const singles = results.filter((r) => r.run.kind === 'single')
  const best = singles.reduce((a, b) => b.accuracy > a.accuracy ? b : a)
  const rows = results.map((r) => {
    const isSingle = r.run.kind === 'single'
    return {
      setup: isSingle ? `1 worker, no exchange${r === best ? ' (baseline: best lr)' : ''}` : `${WORKERS} workers, DiLoCo rounds (H=${H})`,
      outer: r.run.kind === 'rounds' ? `${r.run.optimizer.kind} ${r.run.optimizer.lr}${r.run.optimizer.kind === 'nesterov' ? `/${r.run.optimizer.momentum}` : ''}` : '-',
      'inner lr': String(r.run.lr),
      accuracy: +(r.accuracy * 100).toFixed(2),
      'vs baseline pp': ((r.accuracy - best.accuracy) * 100).toFixed(2),
      loss: +r.loss.toFixed(4),
      bytesSent: r.bytesSent,
      reduction: isSingle ? '-' : `${(perStepBytes / r.bytesSent).toFixed(0)}x`,
      seconds: +r.seconds.toFixed(1)
    }
  })
  printTable(rows)
  for (const r of results.filter((x) => x.run.kind === 'rounds')) {
    const o = (r.run as Extract<Run, { kind: 'rounds' }>).optimizer
    console.log(`${o.kind}: ${((r.accuracy - best.accuracy) * 100).toFixed(2)} pp vs the best single worker (goal within 0.5), ${(perStepBytes / r.bytesSent).toFixed(0)}x fewer bytes than per-step exchange (goal >= 100x); accuracy by round ${r.trace.map((a) => (a * 100).toFixed(1)).join(' ')}`)
  }
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`)
  const file = writeResult('learning-quality', {
    env: environment(),
    config: { workers: WORKERS, rounds: ROUNDS, innerSteps: H, batch: BATCH, trainSamples: TRAIN_SAMPLES, seed: SEED, model, params, innerLr: INNER_LR, baselineLrs: BASELINE_LRS, outer: { nesterov, fedavg } },
    rows,
    traces: results.filter((r) => r.run.kind === 'rounds').map((r) => ({ outer: (r.run as Extract<Run, { kind: 'rounds' }>).optimizer, accuracyByRound: r.trace }))
  })
  console.log(`wrote ${file}`)
}
