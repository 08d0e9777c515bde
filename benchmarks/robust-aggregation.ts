/**
 * How far one poisoned update that passes verification can move one class's
 * test accuracy, with and without the coordinator's norm clipping
 * (coordinator/aggregation/RunningSum.ts: each delta clipped to 2x the
 * median norm of the round's submissions, weights = verified work).
 *
 * The attack is the one that got through before the challenge plan always
 * replayed the last segment (issue 15): a worker trains honestly, then
 * lowers the output bias of one class by 60 in its final weights, so its
 * delta carries +60 on that bias. Two honest warm-up rounds first (MLP, 4
 * workers, H = 50), then one round with M - 1 honest updates and the
 * poisoned one, for M = 5 and 10: the target class's accuracy after the
 * round, honest-only vs poisoned unclipped vs poisoned clipped.
 *
 * node benchmarks/robust-aggregation.ts   (writes results/robust-aggregation.json)
 */
import { loadMnist } from '../lib/data/loadMnist.ts'
import { parseRoundSeed, type RoundSeed } from '../lib/hash/roundSeed.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import type { Dataset } from '../lib/data/Dataset.ts'
import { sampleSize } from '../lib/data/Dataset.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { evaluate } from '../lib/model/evaluate.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { trainRound } from '../lib/training/trainRound.ts'
import { applyOuterStep } from '../coordinator/aggregation/applyOuterStep.ts'
import { RunningSum, clipBound } from '../coordinator/aggregation/RunningSum.ts'
import { defaultCoordinatorConfig, outerOptimizer } from '../coordinator/config.ts'
import { environment, printTable, writeResult } from './trainingReport.ts'

const MODEL = { kind: 'mlp' as const, hidden: [128] }
const H = 50
const BATCH = 32
const LR = 0.003
const TARGET = 3
const BIAS_SHIFT = 60
const SIZES = [5, 10]
const K = defaultCoordinatorConfig.clipNormMultiplier
const fedavg = outerOptimizer('fedavg')

const seedHex = (n: number): RoundSeed => parseRoundSeed(n.toString(16).padStart(64, '0'))
const address = (n: number): `0x${string}` => `0x${(n + 1).toString(16).padStart(40, '0')}`

function onlyClass (d: Dataset, c: number): Dataset {
  const size = sampleSize(d)
  const idx: number[] = []
  for (let i = 0; i < d.count; i++) if (d.labels[i] === c) idx.push(i)
  const images = new Uint8Array(idx.length * size)
  idx.forEach((i, k) => images.set(d.images.subarray(i * size, (i + 1) * size), k * size))
  return { images, labels: Uint8Array.from(idx.map(() => c)), sampleShape: [...d.sampleShape], count: idx.length, numClasses: d.numClasses }
}

async function honestDeltas (weights: Float32Array, shards: Array<{ id: string, dataset: Dataset }>, round: number, count: number): Promise<Float32Array[]> {
  const out: Float32Array[] = []
  for (let w = 0; w < count; w++) {
    const s = shards[w % shards.length]
    const r = await trainRound({ round, roundSeed: seedHex(round), workerAddress: address(w), model: MODEL, startWeights: weights, shards: [s], hyper: { steps: H, batchSize: BATCH, learningRate: LR, checkpointInterval: H, deltaEncoding: 'int8' } })
    out.push(r.delta)
  }
  return out
}

function step (weights: Float32Array, deltas: Float32Array[], clip: boolean): Float32Array {
  const bound = clip ? clipBound(deltas.map(norm), K) : Infinity
  const sum = new RunningSum(weights.length)
  deltas.forEach((d, i) => sum.fold(i, d, H * BATCH, bound))
  const next = weights.slice()
  applyOuterStep(next, sum.mean(), fedavg)
  return next
}

function norm (d: Float32Array): number {
  let s = 0
  for (const v of d) s += v * v
  return Math.sqrt(s)
}

await selectBackend({ backend: 'wasm' })
const train = await loadMnist({ split: 'train', limit: 20_000 })
const test = await loadMnist({ split: 'test', limit: 5000 })
const target = onlyClass(test, TARGET)
const shards = splitIntoShards(train, 10).map((s) => ({ id: s.id, dataset: s.dataset }))
let weights = initialWeights(MODEL, 'robust-aggregation')
for (let round = 1; round <= 2; round++) weights = step(weights, await honestDeltas(weights, shards, round, 4), true)
const before = await evaluate({ config: MODEL, weights }, target)

const rows: Array<Record<string, string | number>> = []
const results = []
for (const m of SIZES) {
  const honest = await honestDeltas(weights, shards, 3, m)
  const poisoned = honest[0].slice()
  poisoned[poisoned.length - 10 + TARGET] += BIAS_SHIFT // W_final bias lowered by 60 => delta raised by 60
  const others = honest.slice(1)
  const cases = {
    honest: step(weights, honest, true),
    unclipped: step(weights, [poisoned, ...others], false),
    clipped: step(weights, [poisoned, ...others], true)
  }
  const acc: Record<string, number> = {}
  const overall: Record<string, number> = {}
  for (const [name, w] of Object.entries(cases)) {
    acc[name] = (await evaluate({ config: MODEL, weights: w }, target)).accuracy
    overall[name] = (await evaluate({ config: MODEL, weights: w }, test)).accuracy
  }
  const honestNorms = honest.map(norm)
  const row = {
    updates: m,
    medianHonestNorm: clipBound(honestNorms, 1),
    poisonedNorm: norm(poisoned),
    classAccHonest: acc.honest,
    classAccUnclipped: acc.unclipped,
    classAccClipped: acc.clipped,
    classDropUnclippedPp: 100 * (acc.honest - acc.unclipped),
    classDropClippedPp: 100 * (acc.honest - acc.clipped),
    overallHonest: overall.honest,
    overallClipped: overall.clipped
  }
  results.push(row)
  rows.push({
    updates: m,
    'class acc honest %': (100 * acc.honest).toFixed(2),
    'poisoned, no clip %': (100 * acc.unclipped).toFixed(2),
    'poisoned, clipped %': (100 * acc.clipped).toFixed(2),
    'drop clipped pp': row.classDropClippedPp.toFixed(2),
    'all classes clipped %': (100 * overall.clipped).toFixed(2),
    'poison norm / median': (row.poisonedNorm / row.medianHonestNorm).toFixed(0)
  })
}
printTable(rows)
const file = writeResult('robust-aggregation', {
  benchmark: 'robust-aggregation',
  date: new Date().toISOString(),
  environment: environment(),
  setup: { model: MODEL, H, batch: BATCH, lr: LR, targetClass: TARGET, biasShift: BIAS_SHIFT, clipMultiplier: K, warmupRounds: 2, targetClassAccuracyBefore: before.accuracy },
  results
})
process.stderr.write(`wrote ${file}\n`)
