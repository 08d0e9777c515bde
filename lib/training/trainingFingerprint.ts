import type { Dataset } from '../data/Dataset.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import type { ModelConfig } from '../model/config.ts'
import { initialWeights } from '../model/flatWeights.ts'
import { resolveHyperParams } from './hyperParams.ts'
import { initialOptimizerState } from './optimizerState.ts'
import { TrainingEngine } from './TrainingEngine.ts'

/**
 * sha256 of the weights after `steps` Adam steps (batch `batchSize`, rate
 * 1e-3) from initialWeights(config, seed) on samples 0, 1, 2, ... of `data`,
 * on the active backend. Two backends, binaries or thread counts give the
 * same hash only if their training is bit-identical, which a validator's
 * replay on another machine needs (threads could reorder a sum).
 *
 * @example
 * const a = await trainingFingerprint(config, corpus.train, { steps: 10, batchSize: 16, seed: 'bench' })
 */
export async function trainingFingerprint (config: ModelConfig, data: Dataset, options: { steps: number, batchSize: number, seed: string }): Promise<Hex> {
  const { steps, batchSize } = options
  const engine = new TrainingEngine(config, resolveHyperParams({ batchSize, learningRate: 1e-3 }))
  try {
    const w = initialWeights(config, options.seed)
    await engine.setState({ weights: w, ...initialOptimizerState(w.length) })
    for (let s = 0; s < steps; s++) await engine.trainStep(data, Uint32Array.from({ length: batchSize }, (_, i) => (s * batchSize + i) % data.count))
    await engine.takeLoss()
    const { weights } = await engine.getState()
    return sha256Hex(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength))
  } finally {
    engine.dispose()
  }
}
