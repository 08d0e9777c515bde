import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import { sampleSize, type Dataset } from '../data/Dataset.ts'
import type { CnnConfig, MlpConfig } from './config.ts'

const SCALE = new Float32Array(256).map((_, i) => i / 255)

/**
 * The input and one-hot target tensors for samples `indices` of a dataset:
 * x [B, ...inputShape] float32 with pixels scaled by 1/255 (as float32), y
 * [B, numClasses] one-hot. Indices past the dataset wrap around (mod count),
 * which lets a cheat-test feed "other data" through the same schedule.
 */
export function batchTensors (dataset: Dataset, indices: ArrayLike<number>, config: Pick<MlpConfig | CnnConfig, 'inputShape' | 'numClasses'>): { x: tf.Tensor, y: tf.Tensor } {
  checkDatasetFits(dataset, config)
  const size = sampleSize(dataset)
  const n = indices.length
  const xs = new Float32Array(n * size)
  const ys = new Float32Array(n * config.numClasses)
  for (let b = 0; b < n; b++) {
    const i = indices[b] % dataset.count
    const src = i * size
    const dst = b * size
    for (let k = 0; k < size; k++) xs[dst + k] = SCALE[dataset.images[src + k]]
    ys[b * config.numClasses + dataset.labels[i]] = 1
  }
  return { x: tf.tensor(xs, [n, ...config.inputShape], 'float32'), y: tf.tensor2d(ys, [n, config.numClasses], 'float32') }
}

/** A classifier fits a dataset when its input holds as many values as a sample and it has a logit for every class; else a one-line error naming both shapes. */
export function checkDatasetFits (dataset: Dataset, config: Pick<MlpConfig | CnnConfig, 'inputShape' | 'numClasses'>): void {
  const size = sampleSize(dataset)
  const want = config.inputShape.reduce((a, b) => a * b, 1)
  if (size !== want) throw new InvalidInputError(`dataset samples have ${size} values ([${dataset.sampleShape.join(', ')}]), the model expects ${want} ([${config.inputShape.join(', ')}])`)
  if (dataset.numClasses > config.numClasses) throw new InvalidInputError(`dataset has ${dataset.numClasses} classes, the model only ${config.numClasses}`)
}
