import * as tf from '@tensorflow/tfjs'
import { measureTrainingSpeed } from '../../lib/training/measureTrainingSpeed.ts'
import { backendClass } from '../../lib/training/selectBackend.ts'

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
    const warm = tf.matMul(a, b)
    await warm.data()
    warm.dispose()
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

  const training = await measureTrainingSpeed({ budgetMs: half, signal: options.signal })
  return {
    backend: tf.getBackend(),
    backendClass: backendClass(),
    matmulGflops: gflops,
    matmulSize: n,
    trainSamplesPerSecond: training.samplesPerSecond,
    seconds: (performance.now() - started) / 1000
  }
}
