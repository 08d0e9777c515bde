/**
 * Are honest workers scored fairly as training goes on? Runs DiLoCo rounds
 * (3 honest workers, the coordinator's default inner learning rate and outer
 * optimizer) and scores every update of every round as a validator does, two
 * ways: by the held-out loss change of applying the whole delta
 * (loss(W_r) - loss(W_r - delta), the former measure) and by the first-order
 * improvement grad L(W_r) . delta (lib/validation measureImprovement, what
 * validators score now). Every update here is honest, so a fair score stays
 * well above 50 (the "changed nothing" mark) in every round.
 *
 * Run: node benchmarks/quality-scores.ts  (QS_ROUNDS, QS_WORKERS, QS_LR; writes results/quality-scores.json)
 */
import { loadMnist } from '../lib/data/loadMnist.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import { evaluate } from '../lib/model/evaluate.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import { selectBackend } from '../lib/training/selectBackend.ts'
import { trainRound } from '../lib/training/trainRound.ts'
import { heldOutReference, heldOutSlice, measureImprovement, median, qualityScore, scoreScale } from '../lib/validation/qualityScore.ts'
import { aggregate } from '../coordinator/aggregation/aggregate.ts'
import { DEFAULT_INNER_LEARNING_RATE, defaultCoordinatorConfig } from '../coordinator/config.ts'
import { environment, printTable, writeResult } from './trainingReport.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'

const WORKERS = Number(process.env.QS_WORKERS ?? 3)
const ROUNDS = Number(process.env.QS_ROUNDS ?? 8)
const LR = Number(process.env.QS_LR ?? DEFAULT_INNER_LEARNING_RATE)
const H = 100
const BATCH = 64
const model: ModelConfigInput = { kind: 'mlp' }
const optimizer = defaultCoordinatorConfig.aggregation

await selectBackend({ backend: 'wasm' })
const train = await loadMnist({ split: 'train', limit: 30_000 })
const shards = splitIntoShards(train, WORKERS * 2)
// The slice the devnet's first validator measures on.
const heldOut = await heldOutSlice('0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1000)
const test = await loadMnist({ split: 'test' })
const weights = initialWeights(model, 'quality-scores')
let momentum: Float32Array | undefined
const rows: Array<Record<string, string | number>> = []
const whole: number[] = []
const firstOrder: number[] = []
/** Scores of a round's improvements, scaled by their median as the validator does. */
const scoresOf = (improvements: number[], startLoss: number): number[] => {
  const scale = scoreScale({ startLoss, medianImprovement: median(improvements) })
  return improvements.map((i) => qualityScore({ verified: true, improvement: i, scale })!)
}

for (let round = 1; round <= ROUNDS; round++) {
  const reference = await heldOutReference({ modelConfig: model, weights, heldOut })
  const deltas = []
  const wholeImp: number[] = []
  const firstImp: number[] = []
  for (let w = 0; w < WORKERS; w++) {
    const shard = shards[(2 * w + round) % shards.length]
    const r = await trainRound({ round, roundSeed: parseRoundSeed(round.toString(16).padStart(64, '0')), workerAddress: '0x' + (w + 1).toString(16).padStart(40, '0'), model, startWeights: weights, shards: [{ id: shard.id, dataset: shard.dataset }], hyper: { steps: H, batchSize: BATCH, learningRate: LR, checkpointInterval: H, deltaEncoding: 'int8' } })
    const m = await measureImprovement({ modelConfig: model, startWeights: weights, deltaBytes: r.deltaBytes, heldOut, reference })
    wholeImp.push(m.startLoss - m.endLoss)
    firstImp.push(m.improvement)
    deltas.push({ values: r.delta, samples: H * BATCH })
  }
  const ws = scoresOf(wholeImp, reference.loss)
  const fs = scoresOf(firstImp, reference.loss)
  whole.push(...ws)
  firstOrder.push(...fs)
  momentum = aggregate({ weights, deltas, optimizer, momentum }).momentum
  const acc = (await evaluate({ config: model, weights }, test)).accuracy
  rows.push({ round, 'held-out loss W_r': +reference.loss.toFixed(4), 'whole-delta scores': ws.join(' '), 'first-order scores': fs.join(' '), 'accuracy after': `${(acc * 100).toFixed(2)}%` })
}

printTable(rows)
const summary = (xs: number[]): string => `min ${Math.min(...xs)}, ${xs.filter((s) => s < 50).length} of ${xs.length} below 50`
console.log(`honest workers, ${WORKERS} x ${ROUNDS} rounds, inner lr ${LR}: whole-delta measure ${summary(whole)}; first-order measure (scored) ${summary(firstOrder)}`)
const file = writeResult('quality-scores', {
  env: environment(),
  config: { workers: WORKERS, rounds: ROUNDS, innerSteps: H, batch: BATCH, innerLr: LR, optimizer, model },
  rows,
  summary: { wholeDelta: { min: Math.min(...whole), below50: whole.filter((s) => s < 50).length, count: whole.length }, firstOrder: { min: Math.min(...firstOrder), below50: firstOrder.filter((s) => s < 50).length, count: firstOrder.length } }
})
console.log(`wrote ${file}`)
