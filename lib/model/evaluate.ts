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
  /** With `perClass`: top-1 accuracy among the predictions whose true label is each class, by label. */
  perClass?: ClassAccuracy[]
}

/** How well one class is recognised: of `count` predictions with this true label, the fraction that named it. */
export interface ClassAccuracy {
  label: number
  count: number
  /** NaN when the dataset has no example of this class. */
  accuracy: number
}

/**
 * Evaluates a model (or a config plus flat weights) on a whole dataset, in
 * batches, on the current tfjs backend. `perClass` adds the accuracy of each
 * class (every predicted position of a sequence model counts): an attack
 * on one class hides in the mean, not there.
 *
 * @example
 * const { loss, accuracy } = await evaluate({ config, weights }, await loadMnist({ split: 'test' }))
 * const { perClass } = await evaluate({ config, weights }, testSet, { perClass: true })
 */
export async function evaluate (target: CotrainModel | { config: ModelConfigInput | ModelConfig, weights: Float32Array }, dataset: Dataset, options: { batchSize?: number, perClass?: boolean, signal?: AbortSignal } = {}): Promise<Evaluation> {
  const own = !('variables' in target)
  const model = own ? buildModel(target.config) : target
  try {
    if (own) setFlatWeights(model, target.weights)
    const batchSize = options.batchSize ?? 1000
    let lossSum = 0
    let correct = 0
    let classCount: Float64Array | undefined
    let classHits: Float64Array | undefined
    let classes = 0
    const idx = new Uint32Array(batchSize)
    for (let start = 0; start < dataset.count; start += batchSize) {
      options.signal?.throwIfAborted()
      const n = Math.min(batchSize, dataset.count - start)
      for (let i = 0; i < n; i++) idx[i] = start + i
      const [l, c, truth, predicted] = tf.tidy(() => {
        const { x, y } = model.batch(dataset, idx.subarray(0, n))
        classes = y.shape[y.shape.length - 1]
        const logits = model.apply(x, false)
        const losses = tf.losses.softmaxCrossEntropy(y, logits, undefined, undefined, tf.Reduction.NONE)
        const label = tf.argMax(y, -1)
        const guess = tf.argMax(logits, -1)
        const hits = tf.equal(guess, label).asType('float32')
        // Per sample: mean over any sequence positions, so loss and accuracy stay per-sample averages.
        const perSample = losses.rank > 1 ? tf.mean(losses, losses.shape.slice(1).map((_, i) => i + 1)) : losses
        const hitRate = hits.rank > 1 ? tf.mean(hits, hits.shape.slice(1).map((_, i) => i + 1)) : hits
        return options.perClass === true ? [tf.sum(perSample), tf.sum(hitRate), label.flatten(), guess.flatten()] : [tf.sum(perSample), tf.sum(hitRate)]
      })
      const [ls, cs, t, g] = await Promise.all([l.data(), c.data(), truth?.data(), predicted?.data()])
      tf.dispose([l, c, truth, predicted].filter((x) => x !== undefined))
      lossSum += ls[0]
      correct += cs[0]
      if (t !== undefined && g !== undefined) {
        classCount ??= new Float64Array(classes)
        classHits ??= new Float64Array(classCount.length)
        for (let i = 0; i < t.length; i++) {
          classCount[t[i]]++
          if (g[i] === t[i]) classHits[t[i]]++
        }
      }
    }
    const perClass = classCount === undefined ? undefined : Array.from(classCount, (count, label) => ({ label, count, accuracy: count === 0 ? Number.NaN : classHits![label] / count }))
    return { loss: lossSum / dataset.count, accuracy: correct / dataset.count, count: dataset.count, ...(perClass !== undefined ? { perClass } : {}) }
  } finally {
    if (own) model.dispose()
  }
}
