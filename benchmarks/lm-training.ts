// Language-model training throughput: tokens/s and GFLOP/s of the gpt
// (toolchain.md's size: 2 layers, width 128, 4 heads, context 64, batch 16)
// on the cpu and wasm backends, beside the same backend's matmul ceiling
// measured in the same run, so the table shows the fraction of the rate the
// backend can reach; then where a wasm step's time goes, by kernel; then a
// row for wasm with threads (tfjs's threaded binary, in a child process), or
// the one line why it cannot run.
// Usage: node benchmarks/lm-training.ts [secondsPerCase=6]
import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import * as tf from '@tensorflow/tfjs'
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm'
import { loadTextCorpus } from '../lib/data/loadTextCorpus.ts'
import { resolveModelConfig, type GptConfig } from '../lib/model/config.ts'
import { initialWeights } from '../lib/model/flatWeights.ts'
import { modelFlops } from '../lib/model/modelFlops.ts'
import { resolveHyperParams } from '../lib/training/hyperParams.ts'
import { initialOptimizerState } from '../lib/training/optimizerState.ts'
import { backendClass, selectBackend, type BackendName } from '../lib/training/selectBackend.ts'
import { TrainingEngine } from '../lib/training/TrainingEngine.ts'
import { trainingFingerprint } from '../lib/training/trainingFingerprint.ts'
import { enableWasmThreads } from '../lib/training/wasmThreads.ts'
import { environment, loadWarning, printTable, writeResult } from './trainingReport.ts'

const threadedChild = process.argv.includes('--threaded-row')
const seconds = Number(process.argv.filter((a) => !a.startsWith('--'))[2] ?? 6)
const BATCH = 16
/** Steps of the replay check (replayFingerprint): every kernel of a step runs many times, in seconds. */
const REPLAY_STEPS = 10
const config = resolveModelConfig({ kind: 'gpt' }) as GptConfig
const threadsStarted = threadedChild ? enableWasmThreads(cpus().length) : undefined
const corpus = await loadTextCorpus({ contextLength: config.contextLength, maxChars: 2_000_000 })
const before = loadavg()
const rows: Array<Record<string, string | number>> = []
const profiles: Record<string, Array<{ kernel: string, ms: number, share: number }>> = {}
let matmulForms: Array<Record<string, string | number>> = []

/** The gpt's training rate on the active backend beside its matmul ceiling; profiles wasm's kernels when asked. */
async function measureRow (backend: BackendName, label: string, profile: boolean): Promise<Record<string, string | number>> {
  const ceiling = matmulCeiling(backend === 'cpu' ? 256 : 512, backend === 'cpu' ? seconds / 3 : seconds / 2)
  const engine = new TrainingEngine(config, resolveHyperParams({ batchSize: BATCH, learningRate: 1e-3 }))
  const w = initialWeights(config, 'bench')
  await engine.setState({ weights: w, ...initialOptimizerState(w.length) })
  let step = 0
  const next = (): Uint32Array => { const idx = new Uint32Array(BATCH).map((_, i) => (step * BATCH + i) % corpus.train.count); step++; return idx }
  await engine.trainStep(corpus.train, next())
  await engine.takeLoss()
  step = 0
  const t0 = performance.now()
  while (performance.now() - t0 < (backend === 'cpu' ? seconds / 2 : seconds) * 1000 || step < 2) await engine.trainStep(corpus.train, next())
  await engine.takeLoss()
  const secs = (performance.now() - t0) / 1000
  const samplesPerSec = step * BATCH / secs
  const gflops = samplesPerSec * modelFlops(config).train / 1e9
  const row = {
    model: `gpt ${config.layers}x${config.embedDim}, ${config.heads} heads, ctx ${config.contextLength}`,
    backend: label,
    'tokens/s': Math.round(samplesPerSec * config.contextLength),
    'ms/step': secs * 1000 / step,
    'GFLOP/s': gflops,
    'matmul GFLOP/s': ceiling,
    'of ceiling': `${(100 * gflops / ceiling).toFixed(0)}%`
  }
  console.error(`measured ${JSON.stringify(row)}`)
  if (profile) profiles[backend] = await profileStep(engine, () => next())
  engine.dispose()
  return row
}

if (threadedChild) {
  // One process, its wasm backend started with the threaded binary (see lib/training/wasmThreads.ts).
  await selectBackend({ backend: 'wasm' })
  threadsStarted?.()
  const threads = getThreadsCount()
  const row = await measureRow('wasm', `wasm threaded (${threads} of ${cpus().length} threads)`, false)
  process.stdout.write(JSON.stringify({ row, threads, fingerprint: await replayFingerprint() }) + '\n')
  process.exit(0)
}

let wasmFingerprint = ''
for (const backend of ['cpu', 'wasm'] as BackendName[]) {
  await selectBackend({ backend })
  rows.push(await measureRow(backend, backendClass().split('/')[0], backend === 'wasm'))
  if (backend === 'wasm') {
    matmulForms = matmulGradientForms()
    wasmFingerprint = await replayFingerprint()
  }
}
const threaded = await threadedRow()
rows.push(threaded.row)

const after = loadavg()
printTable(rows)
console.log('\nwasm: where one training step\'s time goes (kernel time, forward and backward)')
printTable(profiles.wasm.slice(0, 10).map((p) => ({ kernel: p.kernel, ms: p.ms, share: `${(100 * p.share).toFixed(1)}%` })))
console.log('\nwasm: the matmuls of a [1024, 128] x [128, 512] layer\'s gradient, as tfjs\'s own gradient runs them (transpose flags) and as the gpt runs them (explicit transpose)')
printTable(matmulForms)
console.log(`\nwasm with threads: ${threaded.note}`)
const warn = loadWarning(before, after)
if (warn !== null) console.log(warn)
console.log(`wrote ${writeResult('lm-training', { env: environment(), loadBefore: before, loadAfter: after, secondsPerCase: seconds, batch: BATCH, config, flopsPerSequence: modelFlops(config), rows, wasmThreads: threaded, wasmProfile: profiles.wasm, wasmMatmulForms: matmulForms })}`)

/**
 * The threaded wasm row, measured in a child process (a process starts its
 * wasm backend once): its rate and the threads the backend really runs, or
 * why it could not run, in one line.
 */
async function threadedRow (): Promise<{ row: Record<string, string | number>, threads: number, bitExact?: boolean, note: string }> {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--threaded-row', String(seconds)], { encoding: 'utf8', timeout: 120_000 + 4000 * seconds })
  const line = child.stdout?.trim().split('\n').at(-1) ?? ''
  if (child.status === 0 && line.startsWith('{')) {
    const { row, threads, fingerprint } = JSON.parse(line) as { row: Record<string, string | number>, threads: number, fingerprint: string }
    const single = rows.find((r) => String(r.backend).startsWith('wasm'))
    const speedup = single === undefined ? NaN : Number(row['tokens/s']) / Number(single['tokens/s'])
    const bitExact = fingerprint === wasmFingerprint
    const exact = `weights after ${REPLAY_STEPS} steps ${bitExact ? 'bit-identical to' : 'differ from'} single-threaded wasm's`
    const note = threads > 1
      ? `the threaded binary runs ${threads} threads: ${speedup.toFixed(2)}x the single-threaded tokens/s; ${exact}`
      : `the threaded binary runs its pool with ${threads} thread (${speedup.toFixed(2)}x the single-threaded row: noise, not threads); ${exact}`
    return { row, threads, bitExact, note }
  }
  const error = (child.stderr ?? '').split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${child.status ?? child.signal}`
  const note = `cannot run: ${error.trim().slice(0, 200)}`
  return { row: { model: rows[0].model, backend: 'wasm threaded', 'tokens/s': 0, 'ms/step': 0, 'GFLOP/s': 0, 'matmul GFLOP/s': 0, 'of ceiling': note }, threads: 0, note }
}

/** The replay check: the weights after REPLAY_STEPS steps, hashed (lib/training/trainingFingerprint.ts). */
async function replayFingerprint (): Promise<string> {
  return await trainingFingerprint(config, corpus.train, { steps: REPLAY_STEPS, batchSize: BATCH, seed: 'bench' })
}

/** GFLOP/s of an n x n float32 matmul on the active backend (the rate its dense kernels can reach). */
function matmulCeiling (n: number, secs: number): number {
  const a = tf.randomUniform([n, n])
  const b = tf.randomUniform([n, n])
  tf.matMul(a, b).dispose()
  let runs = 0
  const t0 = performance.now()
  while (performance.now() - t0 < secs * 1000 || runs < 2) {
    const c = tf.matMul(a, b)
    c.dataSync()
    c.dispose()
    runs++
  }
  const s = (performance.now() - t0) / 1000
  a.dispose(); b.dispose()
  return runs * 2 * n ** 3 / s / 1e9
}

/** GFLOP/s of a layer's input and weight gradients with transpose flags against explicit transposes, same shapes. */
function matmulGradientForms (): Array<Record<string, string | number>> {
  const x = tf.randomUniform([1024, 128])
  const w = tf.randomUniform([128, 512])
  const dy = tf.randomUniform([1024, 512])
  const flops = 2 * 1024 * 128 * 512
  const rate = (f: () => tf.Tensor): number => {
    f().dispose()
    let n = 0
    const t0 = performance.now()
    while (performance.now() - t0 < 1000 || n < 2) { const r = f(); r.dataSync(); r.dispose(); n++ }
    return n * flops / ((performance.now() - t0) / 1000) / 1e9
  }
  const out = [
    { gradient: 'dx = dy w^T', 'flags GFLOP/s': rate(() => tf.matMul(dy, w, false, true)), 'explicit GFLOP/s': rate(() => tf.tidy(() => tf.matMul(dy, tf.transpose(w)))) },
    { gradient: 'dw = x^T dy', 'flags GFLOP/s': rate(() => tf.matMul(x, dy, true, false)), 'explicit GFLOP/s': rate(() => tf.tidy(() => tf.matMul(tf.transpose(x), dy))) }
  ]
  tf.dispose([x, w, dy])
  return out.map((r) => ({ ...r, 'speed-up': `${(r['explicit GFLOP/s'] / r['flags GFLOP/s']).toFixed(1)}x` }))
}

/** Kernel time of a few training steps, summed by kernel name, largest first. */
async function profileStep (engine: TrainingEngine, next: () => Uint32Array): Promise<Array<{ kernel: string, ms: number, share: number }>> {
  const byKernel = new Map<string, number>()
  const steps = 3
  for (let i = 0; i < steps; i++) {
    const info = await tf.profile(async () => { await engine.trainStep(corpus.train, next()) })
    for (const k of info.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(await k.kernelTimeMs))
  }
  await engine.takeLoss()
  const total = [...byKernel.values()].reduce((a, b) => a + b, 0)
  return [...byKernel.entries()].map(([kernel, ms]) => ({ kernel, ms: ms / steps, share: ms / total })).sort((a, b) => b.ms - a.ms)
}
