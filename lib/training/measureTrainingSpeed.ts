import * as tf from '@tensorflow/tfjs'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { resolveModelConfig } from '../model/config.ts'
import { initialWeights } from '../model/flatWeights.ts'
import { resolveHyperParams } from './hyperParams.ts'
import { initialOptimizerState } from './optimizerState.ts'
import { TrainingEngine } from './TrainingEngine.ts'

/** Training speed of the active backend on cotrain's reference step. */
export interface TrainingSpeed {
  /** MLP 784-128-10, Adam, batch 64, random digits. */
  samplesPerSecond: number
  steps: number
  seconds: number
}

/**
 * Times Adam steps of the MLP 784-128-10 at batch 64 on the active tfjs
 * backend for about `budgetMs`, after two warm-up steps (on webgpu these
 * compile the shaders, which would otherwise dominate). The loss is read back
 * every 8 steps so a GPU backend is timed for work finished, not work queued.
 * Used by `--backend auto` to race a GPU adapter against the CPU backends and
 * by `worker bench`.
 *
 * @example
 * await selectBackend({ backend: 'wasm' }); (await measureTrainingSpeed()).samplesPerSecond // about 8,000 here
 */
export async function measureTrainingSpeed (options: { budgetMs?: number, signal?: AbortSignal } = {}): Promise<TrainingSpeed> {
  await tf.ready()
  const budgetMs = options.budgetMs ?? 600
  const engine = new TrainingEngine(resolveModelConfig({ kind: 'mlp', hidden: [128] }), resolveHyperParams({ batchSize: 64 }))
  const rng = SeededRandom.fromParts('cotrain/capability/v1')
  const count = 512
  const data = { images: new Uint8Array(count * 784).map(() => rng.nextUint32() & 255), labels: new Uint8Array(count).map(() => rng.uniformInt(10)), sampleShape: [28, 28], count, numClasses: 10 }
  const idx = new Uint32Array(64)
  let steps = 0
  const step = async (): Promise<void> => {
    for (let i = 0; i < 64; i++) idx[i] = (steps * 64 + i) % count
    await engine.trainStep(data, idx)
    steps++
  }
  try {
    const w = initialWeights(engine.model, 'capability')
    await engine.setState({ weights: w, ...initialOptimizerState(w.length) })
    await step(); await step()
    await engine.takeLoss()
    steps = 0
    const t0 = performance.now()
    while (performance.now() - t0 < budgetMs || steps < 3) {
      options.signal?.throwIfAborted()
      await step()
      if (steps % 8 === 0) await engine.takeLoss()
    }
    await engine.takeLoss()
    const seconds = (performance.now() - t0) / 1000
    return { samplesPerSecond: steps * 64 / seconds, steps, seconds }
  } finally {
    engine.dispose()
  }
}
