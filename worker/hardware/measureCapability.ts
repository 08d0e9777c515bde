import * as tf from '@tensorflow/tfjs'
import { initialWeights } from '../../lib/model/flatWeights.ts'
import { resolveModelConfig } from '../../lib/model/config.ts'
import { SeededRandom } from '../../lib/hash/SeededRandom.ts'
import { resolveHyperParams } from '../../lib/training/hyperParams.ts'
import { initialOptimizerState } from '../../lib/training/optimizerState.ts'
import { backendClass } from '../../lib/training/selectBackend.ts'
import { TrainingEngine } from '../../lib/training/TrainingEngine.ts'

/** Measured speed of the active backend. */
export interface Capability {
  backend: string
  backendClass: string
  /** Square float32 matmul throughput (2 n^3 flops per product). */
  matmulGflops: number
  matmulSize: number
  /** MLP 784-128-10 Adam training, batch 64. */
  trainSamplesPerSecond: number
  seconds: number
}

/**
 * A short benchmark of the active tfjs backend (about 1-2 s): matmul GFLOP/s
 * (size chosen so one product takes a few ms) and MLP training samples/s, each
 * after a warm-up, each run for about `budgetMs / 2`. Workers report it so the
 * coordinator can size assignments.
 *
 * @example
 * await selectBackend(); const cap = await measureCapability() // { matmulGflops: 31.8, trainSamplesPerSecond: 8200, ... }
 */
export async function measureCapability (options: { budgetMs?: number, signal?: AbortSignal } = {}): Promise<Capability> {
  const started = performance.now()
  const half = (options.budgetMs ?? 1200) / 2
  await tf.ready()

  let n = 128
  let gflops = 0
  for (;;) {
    options.signal?.throwIfAborted()
    const a = tf.randomUniform([n, n], -1, 1, 'float32', 1)
    const b = tf.randomUniform([n, n], -1, 1, 'float32', 2)
    await tf.matMul(a, b).data()
    let reps = 0
    const t0 = performance.now()
    while (performance.now() - t0 < half / 3 || reps < 2) {
      const c = tf.matMul(a, b)
      await c.data()
      c.dispose()
      reps++
    }
    const secs = (performance.now() - t0) / 1000
    a.dispose(); b.dispose()
    gflops = 2 * n ** 3 * reps / secs / 1e9
    if (secs / reps > 0.004 || n >= 2048 || performance.now() - started > half) break
    n *= 2
  }

  const config = resolveModelConfig({ kind: 'mlp', hidden: [128] })
  const hyper = resolveHyperParams({ batchSize: 64 })
  const engine = new TrainingEngine(config, hyper)
  const rng = SeededRandom.fromParts('cotrain/capability/v1')
  const count = 512
  const data = { images: new Uint8Array(count * 784).map(() => rng.nextUint32() & 255), labels: new Uint8Array(count).map(() => rng.uniformInt(10)), sampleShape: [28, 28], count, numClasses: 10 }
  let steps = 0
  let seconds = 0
  try {
    const w = initialWeights(engine.model, 'capability')
    await engine.setState({ weights: w, ...initialOptimizerState(w.length) })
    const idx = new Uint32Array(64)
    const step = async (): Promise<void> => {
      for (let i = 0; i < 64; i++) idx[i] = (steps * 64 + i) % count
      await engine.trainStep(data, idx)
      steps++
    }
    await step(); await step()
    await engine.takeLoss()
    steps = 0
    const t0 = performance.now()
    while (performance.now() - t0 < half || steps < 3) {
      options.signal?.throwIfAborted()
      await step()
      // Reading the loss waits for the queued steps, so GPU backends are timed for work done, not work queued.
      if (steps % 8 === 0) await engine.takeLoss()
    }
    await engine.takeLoss()
    seconds = (performance.now() - t0) / 1000
  } finally {
    engine.dispose()
  }
  return {
    backend: tf.getBackend(),
    backendClass: backendClass(),
    matmulGflops: gflops,
    matmulSize: n,
    trainSamplesPerSecond: steps * 64 / seconds,
    seconds: (performance.now() - started) / 1000
  }
}
