// Proof-of-training overhead: the same training with and without
// checkpoints + hashing + Merkle leaves (goal: <= 5%). MLP 784-128-10 on
// wasm, batch 64; runs alternate and the median of each is reported, next to
// the overhead computed from the checkpoint work timed in isolation.
// `--model gpt` measures the small language model instead (2 layers, width
// 64, context 32, batch 16 on Brown text; results/proof-overhead-gpt.json).
// Usage: node benchmarks/proof-overhead.ts [--model mlp|gpt] [steps=400 (gpt 100)] [reps=5 (gpt 3)]
import { loadavg, tmpdir } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { segmentBatchIndices } from '../lib/data/batchIndices.ts'
import { loadMnist } from '../lib/data/loadMnist.ts'
import { loadTextCorpus } from '../lib/data/loadTextCorpus.ts'
import { splitIntoShards } from '../lib/data/shard.ts'
import { resolveModelConfig } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { resolveHyperParams } from '../lib/training/hyperParams.ts'
import { initialOptimizerState } from '../lib/training/optimizerState.ts'
import { backendClass, selectBackend } from '../lib/training/selectBackend.ts'
import { LocalStepRunner } from '../lib/training/StepRunner.ts'
import { DirCheckpointStore, MemoryCheckpointStore } from '../lib/training/CheckpointStore.ts'
import { recordCheckpoint, trainRound, type TrainRoundParams } from '../lib/training/trainRound.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'
import { parseRoundSeed } from '../lib/hash/roundSeed.ts'

const { values, positionals } = parseArgs({ options: { model: { type: 'string', default: 'mlp' } }, allowPositionals: true })
if (values.model !== 'mlp' && values.model !== 'gpt') throw new Error(`--model must be mlp or gpt, got ${values.model}`)
const gpt = values.model === 'gpt'
const steps = Number(positionals[0] ?? (gpt ? 100 : 400))
const reps = Number(positionals[1] ?? (gpt ? 3 : 5))
const batch = gpt ? 16 : 64
await selectBackend({ backend: 'wasm' })
const text = gpt ? await loadTextCorpus({ contextLength: 32, maxChars: 400_000 }) : undefined
const shards = splitIntoShards(text?.train ?? await loadMnist({ split: 'train', limit: 12000 }), 2)
const model = resolveModelConfig(text !== undefined
  ? { kind: 'gpt', vocabSize: text.tokenizer.symbols.length, contextLength: 32, layers: 2, heads: 4, embedDim: 64 }
  : { kind: 'mlp', hidden: [128] })
const base: TrainRoundParams = {
  round: 1, roundSeed: parseRoundSeed('42'.repeat(32)), workerAddress: '0x' + '17'.repeat(20), model,
  startWeights: initialWeights(model, 'bench'), shards: [shards[0]], hyper: { steps, batchSize: batch, checkpointInterval: steps }
}
const tmp = mkdtempSync(path.join(tmpdir(), 'cotrain-proof-bench-'))

/** The bare inner loop: schedule + Adam steps, no checkpoints, no hashes. */
async function bare (): Promise<number> {
  const hyper = resolveHyperParams(base.hyper)
  const runner = new LocalStepRunner(model, hyper, { assigned: shards[0].dataset })
  const t0 = performance.now()
  await runner.setState({ weights: base.startWeights, ...initialOptimizerState(base.startWeights.length) })
  const batches = segmentBatchIndices({ roundSeed: base.roundSeed, workerAddress: base.workerAddress, shardIds: [shards[0].id], shardSizes: [shards[0].dataset.count], batchSize: batch }, 0, steps)
  for (let s = 0; s < steps; s++) await runner.step('assigned', batches.subarray(s * batch, (s + 1) * batch))
  await runner.takeLoss()
  await runner.getState()
  const secs = (performance.now() - t0) / 1000
  await runner.dispose()
  return secs
}

async function proved (k: number, disk: boolean): Promise<number> {
  const t0 = performance.now()
  await trainRound({ ...base, hyper: { ...base.hyper, checkpointInterval: k } }, disk ? { checkpointDir: path.join(tmp, `k${k}`), restart: true } : {})
  return (performance.now() - t0) / 1000
}

const configs: Array<{ name: string, checkpoints: number, run: () => Promise<number> }> = [
  { name: 'no proof (bare loop)', checkpoints: 0, run: bare },
  { name: 'k=50, disk', checkpoints: steps / 50 + 1, run: async () => await proved(50, true) },
  { name: 'k=10, disk', checkpoints: steps / 10 + 1, run: async () => await proved(10, true) },
  { name: 'k=10, memory', checkpoints: steps / 10 + 1, run: async () => await proved(10, false) }
]
await bare() // warm-up
const before = loadavg()
const times = configs.map(() => [] as number[])
for (let r = 0; r < reps; r++) for (const [i, c] of configs.entries()) times[i].push(await c.run())
const after = loadavg()

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const baseline = median(times[0])

// The checkpoint work alone, timed in isolation (robust to other load): read
// weights + Adam state from the backend, encode, hash, build the leaf, write.
const perCheckpoint: Record<string, number> = {}
for (const disk of [true, false]) {
  const hyper = resolveHyperParams(base.hyper)
  const runner = new LocalStepRunner(model, hyper, { assigned: shards[0].dataset })
  await runner.setState({ weights: base.startWeights, ...initialOptimizerState(base.startWeights.length) })
  const store = disk ? new DirCheckpointStore(path.join(tmp, 'iso')) : new MemoryCheckpointStore()
  await store.open({ format: 'cotrain-checkpoints/1', round: 1, workerAddress: base.workerAddress, runId: 'iso', checkpointCount: 1, backendClass: '', microBatches: 1 })
  const batches = new Uint32Array(10 * batch)
  const n = 40
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const st = await runner.getState()
    const { files } = recordCheckpoint({ round: 1, workerAddress: base.workerAddress as `0x${string}`, index: i, weights: st.weights, optimizer: st, batches, loss: 0, previous: base.startWeights })
    await store.write(i, files)
  }
  perCheckpoint[disk ? 'disk' : 'memory'] = (performance.now() - t0) / n / 1000
  await runner.dispose()
}
rmSync(tmp, { recursive: true, force: true })
const rows = configs.map((c, i) => ({
  config: c.name,
  checkpoints: c.checkpoints,
  'seconds (median)': median(times[i]),
  'samples/s': steps * batch / median(times[i]),
  'overhead % (end to end)': i === 0 ? 0 : (median(times[i]) / baseline - 1) * 100,
  'overhead % (isolated cost)': i === 0 ? 0 : perCheckpoint[c.name.includes('disk') ? 'disk' : 'memory'] * c.checkpoints / baseline * 100
}))
const weightCount = base.startWeights.length
console.log(`${gpt ? 'gpt 2x64, 4 heads, context 32' : 'MLP 784-128-10'} (${weightCount} weights; checkpoint = ${(weightCount * 12 / 1e6).toFixed(1)} MB), ${steps} steps of batch ${batch} on ${backendClass()}, ${reps} runs each`)
printTable(rows)
console.log(`one checkpoint in isolation: ${(perCheckpoint.disk * 1000).toFixed(2)} ms to disk, ${(perCheckpoint.memory * 1000).toFixed(2)} ms in memory (one training step: ${(baseline / steps * 1000).toFixed(2)} ms)`)
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult(gpt ? 'proof-overhead-gpt' : 'proof-overhead', { env: environment(), model, loadBefore: before, loadAfter: after, steps, reps, rows, perCheckpointSeconds: perCheckpoint, times: Object.fromEntries(configs.map((c, i) => [c.name, times[i]])) })}`)
