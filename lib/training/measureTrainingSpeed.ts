import * as tf from '@tensorflow/tfjs'
import type { Dataset } from '../data/Dataset.ts'
import { SeededRandom } from '../hash/SeededRandom.ts'
import { resolveModelConfig, type ModelConfig, type ModelConfigInput } from '../model/config.ts'
import { initialWeights } from '../model/flatWeights.ts'
import { modelConfigId } from '../model/config.ts'
import { resolveHyperParams } from './hyperParams.ts'
import { initialOptimizerState } from './optimizerState.ts'
import { TrainingEngine } from './TrainingEngine.ts'

/** Training speed of the active backend on one model. */
export interface TrainingSpeed {
  /** Samples (for a gpt: sequences of contextLength tokens) per second, Adam, random data. */
  samplesPerSecond: number
  steps: number
  seconds: number
}

/**
 * cotrain's reference step, the one workers report their speed on when they
 * join (before they know what a coordinator trains): MLP 784-128-10, batch 64.
 */
export const REFERENCE_SPEED_MODEL: ModelConfig = resolveModelConfig({ kind: 'mlp', hidden: [128] })
export const REFERENCE_SPEED_BATCH = 64

/**
 * Times Adam steps of `model` (default the reference MLP at batch 64) on the
 * active tfjs backend for about `budgetMs`, after two warm-up steps (on
 * webgpu these compile the shaders, which would otherwise dominate), on
 * random data of the model's shape (token ids for a gpt). The loss is read
 * back every 8 steps so a GPU backend is timed for work finished, not work
 * queued. Used by `--backend auto` to race a GPU adapter against the CPU
 * backends, by `worker bench`, and by {@link modelSpeedFactor}.
 *
 * @example
 * await selectBackend({ backend: 'wasm' }); (await measureTrainingSpeed()).samplesPerSecond // about 8,000 here
 */
export async function measureTrainingSpeed (options: { budgetMs?: number, signal?: AbortSignal, model?: ModelConfigInput | ModelConfig, batchSize?: number } = {}): Promise<TrainingSpeed> {
  await tf.ready()
  const budgetMs = options.budgetMs ?? 600
  const config = resolveModelConfig(options.model ?? REFERENCE_SPEED_MODEL)
  const batch = options.batchSize ?? REFERENCE_SPEED_BATCH
  const engine = new TrainingEngine(config, resolveHyperParams({ batchSize: batch }))
  const data = randomSamples(config, Math.max(2 * batch, 128))
  const idx = new Uint32Array(batch)
  let steps = 0
  const step = async (): Promise<void> => {
    for (let i = 0; i < batch; i++) idx[i] = (steps * batch + i) % data.count
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
    return { samplesPerSecond: steps * batch / seconds, steps, seconds }
  } finally {
    engine.dispose()
  }
}

/**
 * How many samples of `model` (at `batchSize`) a machine trains per sample of
 * the reference step, measured once on this machine's active backend: a
 * worker's reported reference speed times this factor is its speed on the
 * round's model. A gpt costs far more per sample than the MLP (and reaches a
 * different fraction of the backend's rate), so shard times projected from
 * the reference speed alone were tens of times too short. 1 for the
 * reference model itself (not measured).
 *
 * @example
 * const factor = await modelSpeedFactor({ model: gptConfig, batchSize: 16 }) // about 0.02-0.03 for the devnet gpt on wasm
 */
export async function modelSpeedFactor (options: { model: ModelConfigInput | ModelConfig, batchSize: number, budgetMs?: number, signal?: AbortSignal }): Promise<number> {
  const config = resolveModelConfig(options.model)
  if (modelConfigId(config) === modelConfigId(REFERENCE_SPEED_MODEL)) return 1
  const budgetMs = options.budgetMs ?? 600
  const reference = await measureTrainingSpeed({ budgetMs, signal: options.signal })
  const target = await measureTrainingSpeed({ budgetMs, signal: options.signal, model: config, batchSize: options.batchSize })
  return target.samplesPerSecond / reference.samplesPerSecond
}

/** `count` random samples shaped for the model: pixels and labels for a classifier, token windows for a gpt. */
function randomSamples (config: ModelConfig, count: number): Dataset {
  const rng = SeededRandom.fromParts('cotrain/capability/v1')
  if (config.kind === 'gpt') {
    const size = config.contextLength + 1
    return { images: new Uint8Array(count * size).map(() => rng.uniformInt(Math.min(config.vocabSize, 256))), labels: new Uint8Array(count), sampleShape: [size], count, numClasses: 1 }
  }
  const shape = config.inputShape
  const size = shape.reduce((a, b) => a * b, 1)
  return { images: new Uint8Array(count * size).map(() => rng.nextUint32() & 255), labels: new Uint8Array(count).map(() => rng.uniformInt(config.numClasses)), sampleShape: [...shape], count, numClasses: config.numClasses }
}
