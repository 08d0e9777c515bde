import * as tf from '@tensorflow/tfjs'
import type { Dataset } from '../data/Dataset.ts'
import { buildModel, type CotrainModel } from './buildModel.ts'
import type { ModelConfig, ModelConfigInput } from './config.ts'
import { setFlatWeights } from './flatWeights.ts'

/** Mean softmax cross-entropy and top-1 accuracy over a dataset. */
export interface Evaluation {
  loss: number
  accuracy: number
  count: number
}

/**
 * Evaluates a model (or a config plus flat weights) on a whole dataset, in
 * batches, on the current tfjs backend.
 *
 * @example
 * const { loss, accuracy } = await evaluate({ config, weights }, await loadMnist({ split: 'test' }))
 */
export async function evaluate (target: CotrainModel | { config: ModelConfigInput | ModelConfig, weights: Float32Array }, dataset: Dataset, options: { batchSize?: number, signal?: AbortSignal } = {}): Promise<Evaluation> {
  const own = !('variables' in target)
  const model = own ? buildModel(target.config) : target
  try {
    if (own) setFlatWeights(model, target.weights)
    const batchSize = options.batchSize ?? 1000
    let lossSum = 0
    let correct = 0
    const idx = new Uint32Array(batchSize)
    for (let start = 0; start < dataset.count; start += batchSize) {
      options.signal?.throwIfAborted()
      const n = Math.min(batchSize, dataset.count - start)
      for (let i = 0; i < n; i++) idx[i] = start + i
      const [l, c] = tf.tidy(() => {
        const { x, y } = model.batch(dataset, idx.subarray(0, n))
        const logits = model.apply(x, false)
        const losses = tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.NONE)
        const hits = tf.equal(tf.argMax(logits, -1), tf.argMax(y, -1)).asType('float32')
        // Per sample: mean over any sequence positions, so loss and accuracy stay per-sample averages.
        const perSample = losses.rank > 1 ? tf.mean(losses, losses.shape.slice(1).map((_, i) => i + 1)) : losses
        const hitRate = hits.rank > 1 ? tf.mean(hits, hits.shape.slice(1).map((_, i) => i + 1)) : hits
        return [tf.sum(perSample), tf.sum(hitRate)]
      })
      const [ls, cs] = await Promise.all([l.data(), c.data()])
      l.dispose(); c.dispose()
      lossSum += ls[0]
      correct += cs[0]
    }
    return { loss: lossSum / dataset.count, accuracy: correct / dataset.count, count: dataset.count }
  } finally {
    if (own) model.dispose()
  }
}
