// Calibrates the cross-backend replay threshold: relative distances of honest
// segments replayed on another backend (cpu <-> wasm, webgpu <-> wasm when a
// webgpu adapter loads, another micro-batch split) against the distances the
// cheat modes produce. Also checks whether webgpu training is bit-identical
// run to run. Prints the table, the margins around DEFAULT_REPLAY_THRESHOLD,
// and writes benchmarks/results/verification-calibration.json.
// Usage: node benchmarks/verification-calibration.ts
import { loadavg } from 'node:os'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import type { ModelConfigInput } from '../lib/model/config.ts'
import type { Shard } from '../lib/data/shard.ts'
import { SMALL_GPT, smallTextShards } from '../lib/training/testing/fixture.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import type { TrainingFault } from '../lib/faults/index.ts'
import { selectBackend, webgpuAdapter, type BackendName } from '../lib/training/selectBackend.ts'
import { describeAdapter } from '../lib/training/webgpuAdapter.ts'
import { checkpointWithProof, trainRound, type ReplaySpec, type TrainRoundParams, type TrainRoundResult } from '../lib/training/trainRound.ts'
import { DEFAULT_REPLAY_THRESHOLD, verifySegment } from '../lib/training/verifySegment.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'

const mnistShards = splitIntoShards(await loadMnist({ split: 'train', limit: 6000 }), 5)
const text = await smallTextShards()
const FORCE_TOLERANCE = 'calibration/tolerance'
const rows: Array<{ model: string, k: number, kind: 'honest' | 'cheat', what: string, segment: number, distance: number, weights: number, m: number, v: number, loss: number }> = []

async function measure (label: { model: string, k: number, kind: 'honest' | 'cheat', what: string }, params: TrainRoundParams, r: TrainRoundResult, segments: number[], on: BackendName, replay?: ReplaySpec): Promise<void> {
  await selectBackend({ backend: on })
  for (const j of segments) {
    const v = await verifySegment({ ...params, shards: params.shards, proofRoot: r.proofRoot, index: j, from: await checkpointWithProof(r, j), to: await checkpointWithProof(r, j + 1), replay: replay ?? { ...r.replay, backendClass: FORCE_TOLERANCE } })
    const d = v.distances ?? { weights: NaN, m: NaN, v: NaN, loss: NaN }
    rows.push({ ...label, segment: j, distance: v.distance ?? NaN, ...d })
    console.error(`${label.model} k=${label.k} ${label.what} seg ${j}: ${v.reason}`)
  }
}

const cases: Array<{ name: string, model: ModelConfigInput, k: number, shards: Shard[] }> = [
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, k: 10, shards: mnistShards },
  { name: 'MLP 784-128-10', model: { kind: 'mlp', hidden: [128] }, k: 50, shards: mnistShards },
  { name: 'CNN 4-8-32', model: { kind: 'cnn', filters: [4, 8], dense: [32] }, k: 10, shards: mnistShards },
  // The language model on Brown text (the small gpt of the detection benchmark).
  { name: `gpt ${SMALL_GPT.layers}x${SMALL_GPT.embedDim} ctx ${SMALL_GPT.contextLength}`, model: { ...SMALL_GPT, vocabSize: text.vocabSize }, k: 10, shards: text.shards }
]
// webgpu joins the calibration wherever an adapter loads (SwiftShader on a CPU-only machine).
const webgpu = await selectBackend({ backend: 'webgpu' }).then(() => webgpuAdapter(), (err: Error) => { console.error(`webgpu rows skipped: ${err.message}`); return null })
const determinism: Array<{ model: string, k: number, backendClass: string, bitIdentical: boolean }> = []
const before = loadavg()
for (const c of cases) {
  const shards = c.shards
  const params: TrainRoundParams = {
    round: 3, roundSeed: parseRoundSeed('3c'.repeat(32)), workerAddress: '0x' + '9d'.repeat(20), model: c.model,
    startWeights: initialWeights(c.model, 'calibration'), shards: [shards[0]], hyper: { steps: 2 * c.k, batchSize: 32, checkpointInterval: c.k, learningRate: 2e-3 }
  }
  const label = (kind: 'honest' | 'cheat', what: string): { model: string, k: number, kind: 'honest' | 'cheat', what: string } => ({ model: c.name, k: c.k, kind, what })
  await selectBackend({ backend: 'cpu' })
  const onCpu = await trainRound(params)
  await selectBackend({ backend: 'wasm' })
  const onWasm = await trainRound(params)
  const split2 = await trainRound(params, { microBatches: 2 })
  await measure(label('honest', 'trained on cpu, replayed on wasm'), params, onCpu, [0, 1], 'wasm', onCpu.replay)
  await measure(label('honest', 'trained on wasm, replayed on cpu'), params, onWasm, [0, 1], 'cpu', onWasm.replay)
  await measure(label('honest', 'wasm, 2 micro-batches replayed as 1'), params, split2, [0, 1], 'wasm', { backendClass: FORCE_TOLERANCE, microBatches: 1 })
  if (webgpu !== null) {
    await selectBackend({ backend: 'webgpu' })
    const onGpu = await trainRound(params)
    const again = await trainRound(params)
    determinism.push({ model: c.name, k: c.k, backendClass: onGpu.replay.backendClass, bitIdentical: onGpu.proofRoot === again.proofRoot })
    await measure(label('honest', 'trained on webgpu, replayed on wasm'), params, onGpu, [0, 1], 'wasm', onGpu.replay)
    await measure(label('honest', 'trained on wasm, replayed on webgpu'), params, onWasm, [0, 1], 'webgpu', onWasm.replay)
    await measure(label('honest', 'trained on webgpu, replayed on webgpu'), params, onGpu, [0, 1], 'webgpu', onGpu.replay)
    const skipOne = await trainRound(params, { fault: { mode: 'skip-steps', segments: [2], keep: 1 } })
    await measure(label('cheat', 'skip 1 step, trained on webgpu'), params, skipOne, [1], 'wasm', skipOne.replay)
  }
  await selectBackend({ backend: 'wasm' })
  const cheats: Array<{ what: string, fault: TrainingFault, segments: number[] }> = [
    { what: 'skip half the steps', fault: { mode: 'skip-steps', segments: [2] }, segments: [1] },
    { what: 'skip 10% of the steps', fault: { mode: 'skip-steps', segments: [2], keep: 0.9 }, segments: [1] },
    { what: 'skip 1 step', fault: { mode: 'skip-steps', segments: [2], keep: 1 }, segments: [1] },
    { what: 'other samples of the shard', fault: { mode: 'other-data', segments: [2] }, segments: [1] },
    { what: "another worker's shard", fault: { mode: 'other-data', data: shards[2].dataset, segments: [2] }, segments: [1] },
    { what: 'random checkpoint', fault: { mode: 'random-checkpoint', index: 1 }, segments: [0, 1] }
  ]
  for (const ch of cheats) {
    await selectBackend({ backend: 'wasm' })
    const r = await trainRound(params, { fault: ch.fault })
    await measure(label('cheat', ch.what), params, r, ch.segments, 'wasm')
  }
}
const after = loadavg()

const honest = rows.filter((r) => r.kind === 'honest').map((r) => r.distance)
const cheat = rows.filter((r) => r.kind === 'cheat').map((r) => r.distance)
const maxHonest = Math.max(...honest)
const minCheat = Math.min(...cheat)
printTable(rows.map((r) => ({ model: r.model, k: r.k, kind: r.kind, what: r.what, seg: r.segment, distance: r.distance.toExponential(2), weights: r.weights.toExponential(1), m: r.m.toExponential(1), v: r.v.toExponential(1), loss: r.loss.toExponential(1) })))
console.log(`\nlargest honest distance ${maxHonest.toExponential(2)}, smallest cheat distance ${minCheat.toExponential(2)}, threshold ${DEFAULT_REPLAY_THRESHOLD.toExponential(0)}`)
console.log(`margins: threshold / largest honest = ${(DEFAULT_REPLAY_THRESHOLD / maxHonest).toFixed(0)}x, smallest cheat / threshold = ${(minCheat / DEFAULT_REPLAY_THRESHOLD).toFixed(1)}x`)
if (webgpu !== null) {
  console.log(`\nwebgpu adapter: ${describeAdapter(webgpu)}`)
  for (const d of determinism) console.log(`webgpu run to run, ${d.model} k=${d.k}: ${d.bitIdentical ? 'bit-identical' : 'NOT bit-identical'}`)
}
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult('verification-calibration', { env: environment(), threshold: DEFAULT_REPLAY_THRESHOLD, maxHonest, minCheat, webgpuAdapter: webgpu, webgpuDeterminism: determinism, rows })}`)
