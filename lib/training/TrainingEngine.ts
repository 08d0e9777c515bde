import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import type { Dataset } from '../data/Dataset.ts'
import { buildModel, type CotrainModel } from '../model/buildModel.ts'
import type { ModelConfig, ModelConfigInput } from '../model/config.ts'
import { concatFloat32, getFlatWeights, setFlatWeights, splitFlat } from '../model/flatWeights.ts'
import type { TrainingHyperParams } from './hyperParams.ts'
import type { OptimizerState } from './optimizerState.ts'

/** Weights plus optimizer state: everything needed to continue training bit for bit. */
export interface TrainingState extends OptimizerState {
  weights: Float32Array
}

/**
 * Sizes of the `microBatches` contiguous parts a batch of `batchSize` is split
 * into for data-parallel training: as equal as possible, the first
 * `batchSize % microBatches` parts one larger.
 */
export function microBatchSizes (batchSize: number, microBatches: number): number[] {
  if (!Number.isInteger(microBatches) || microBatches < 1 || microBatches > batchSize) throw new InvalidInputError(`micro-batches must be an integer in 1..batchSize (${batchSize}), got ${microBatches}`)
  const base = Math.floor(batchSize / microBatches)
  return Array.from({ length: microBatches }, (_, i) => base + (i < batchSize % microBatches ? 1 : 0))
}

/**
 * Reduces micro-batch gradients in a fixed order: out = sum_i (n_i / B) * g_i,
 * i = 0..N-1, each addition rounded to float32. The same inputs give the same
 * bits on every machine, whichever thread computed each g_i.
 */
export function reduceGradients (grads: Float32Array[], sizes: number[]): Float32Array {
  const total = sizes.reduce((a, b) => a + b, 0)
  const out = new Float32Array(grads[0].length)
  grads.forEach((g, i) => {
    const w = sizes[i] / total
    for (let e = 0; e < out.length; e++) out[e] += w * g[e]
  })
  return out
}

/**
 * One model replica with Adam, stepping on batches given as sample indices.
 * The single place where cotrain's training math lives: the trainer, the
 * data-parallel threads and the verifier's replay all run it, so a replay
 * repeats exactly the computation the worker did.
 *
 * Adam (float32 tensors; scalars computed in float64 and rounded to float32):
 * t = step + 1; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 * w = w - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 * Loss: mean softmax cross-entropy of the batch.
 *
 * With microBatches = N > 1, a step computes the gradient of each contiguous
 * part of the batch separately and reduces them with {@link reduceGradients}
 * (what N data-parallel threads do); the step's loss is then
 * fround(sum_i (n_i / B) * loss_i).
 */
export class TrainingEngine {
  readonly model: CotrainModel
  readonly hyper: TrainingHyperParams
  readonly microBatches: number
  private m: tf.Variable[]
  private v: tf.Variable[]
  private stepCount = 0
  private lossSum: tf.Scalar | null = null
  private lossSumJs = 0
  private lossSteps = 0

  constructor (config: ModelConfigInput | ModelConfig, hyper: TrainingHyperParams, options: { microBatches?: number } = {}) {
    this.model = buildModel(config)
    this.hyper = hyper
    this.microBatches = options.microBatches ?? 1
    microBatchSizes(hyper.batchSize, this.microBatches)
    this.m = this.model.variables.map((w) => zeroVariable(w))
    this.v = this.model.variables.map((w) => zeroVariable(w))
  }

  get step (): number {
    return this.stepCount
  }

  /** Loads weights and optimizer state (and clears the loss accumulator). */
  async setState (s: TrainingState): Promise<void> {
    setFlatWeights(this.model, s.weights)
    const ms = splitFlat(this.model.specs, s.m)
    const vs = splitFlat(this.model.specs, s.v)
    if (s.m.length !== this.model.weightCount || s.v.length !== this.model.weightCount) throw new InvalidInputError(`optimizer state has ${s.m.length}/${s.v.length} moments, the model has ${this.model.weightCount} weights`)
    tf.tidy(() => {
      this.m.forEach((t, i) => { t.assign(tf.tensor(ms[i], this.model.specs[i].shape, 'float32')) })
      this.v.forEach((t, i) => { t.assign(tf.tensor(vs[i], this.model.specs[i].shape, 'float32')) })
    })
    this.stepCount = s.step
    await this.takeLoss()
  }

  /**
   * Weights and optimizer state, flat in canonical order. Read asynchronously:
   * the webgpu backend has no synchronous read in Node (and a sync read would
   * stall the GPU pipeline anyway).
   */
  async getState (): Promise<TrainingState> {
    const step = this.stepCount
    const [weights, m, v] = await Promise.all([getFlatWeights(this.model), readFlat(this.m), readFlat(this.v)])
    return { weights, m, v, step }
  }

  /**
   * One optimizer step on samples `indices` of `data` (all parts of the batch
   * in this thread). With one micro-batch nothing is read back: the step is
   * queued on the backend and the loss stays a tensor until takeLoss.
   */
  async trainStep (data: Dataset, indices: Uint32Array): Promise<void> {
    if (indices.length !== this.hyper.batchSize) throw new InvalidInputError(`a step needs ${this.hyper.batchSize} indices, got ${indices.length}`)
    if (this.microBatches === 1) {
      tf.tidy(() => {
        const { grads, loss } = this.gradients(data, indices)
        this.applyAdam(grads)
        this.addLoss(loss)
      })
      return
    }
    const sizes = microBatchSizes(this.hyper.batchSize, this.microBatches)
    const parts: Float32Array[] = []
    const losses: number[] = []
    let off = 0
    for (const n of sizes) {
      const r = await this.microGradient(data, indices.subarray(off, off + n))
      parts.push(r.grad)
      losses.push(r.loss)
      off += n
    }
    this.applyGradient(reduceGradients(parts, sizes), stepLoss(losses, sizes))
  }

  /** Gradient (flat, canonical order) and mean loss of one micro-batch; weights unchanged. */
  async microGradient (data: Dataset, indices: Uint32Array): Promise<{ grad: Float32Array, loss: number }> {
    const [g, l] = tf.tidy(() => {
      const { grads, loss } = this.gradients(data, indices)
      return [tf.concat(grads.map((t) => t.reshape([-1]))), loss]
    })
    try {
      const [gv, lv] = await Promise.all([g.data(), l.data()])
      return { grad: (gv as Float32Array).slice(), loss: lv[0] }
    } finally {
      g.dispose(); l.dispose()
    }
  }

  /** Applies a reduced flat gradient with Adam and counts `loss` as this step's loss. */
  applyGradient (grad: Float32Array, loss: number): void {
    const parts = splitFlat(this.model.specs, grad)
    tf.tidy(() => {
      this.applyAdam(parts.map((p, i) => tf.tensor(p, this.model.specs[i].shape, 'float32')))
    })
    this.lossSumJs = Math.fround(this.lossSumJs + loss)
    this.lossSteps++
  }

  /** Mean loss (float32) of the steps since the last call, 0 when none. */
  async takeLoss (): Promise<number> {
    const sumTensor = this.lossSum
    const steps = this.lossSteps
    const js = this.lossSumJs
    this.lossSum = null
    this.lossSumJs = 0
    this.lossSteps = 0
    try {
      if (steps === 0) return 0
      const sum = sumTensor !== null ? (await sumTensor.data())[0] : js
      return Math.fround(sum / steps)
    } finally {
      sumTensor?.dispose()
    }
  }

  dispose (): void {
    this.lossSum?.dispose()
    for (const t of [...this.m, ...this.v]) t.dispose()
    this.model.dispose()
  }

  private gradients (data: Dataset, indices: Uint32Array): { grads: tf.Tensor[], loss: tf.Scalar } {
    const { x, y } = this.model.batch(data, indices)
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, this.model.apply(x, true)) as tf.Scalar, this.model.variables)
    return { grads: this.model.variables.map((w) => grads[w.name]), loss: value }
  }

  private applyAdam (grads: tf.Tensor[]): void {
    const { beta1: b1, beta2: b2, epsilon, learningRate } = this.hyper
    const t = this.stepCount + 1
    const sB1 = tf.scalar(b1)
    const sB1c = tf.scalar(1 - b1)
    const sB2 = tf.scalar(b2)
    const sB2c = tf.scalar(1 - b2)
    const c1 = tf.scalar(1 / (1 - b1 ** t))
    const c2 = tf.scalar(1 / (1 - b2 ** t))
    const eps = tf.scalar(epsilon)
    const lr = tf.scalar(learningRate)
    this.model.variables.forEach((w, i) => {
      const g = grads[i]
      const m = tf.add(tf.mul(this.m[i], sB1), tf.mul(g, sB1c))
      const v = tf.add(tf.mul(this.v[i], sB2), tf.mul(tf.square(g), sB2c))
      const upd = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(v, c2)), eps))
      w.assign(tf.sub(w, tf.mul(upd, lr)))
      this.m[i].assign(m)
      this.v[i].assign(v)
    })
    this.stepCount = t
  }

  private addLoss (loss: tf.Scalar): void {
    const next = this.lossSum === null ? tf.keep(loss.clone()) : tf.keep(tf.add(this.lossSum, loss))
    this.lossSum?.dispose()
    this.lossSum = next as tf.Scalar
    this.lossSteps++
  }
}

/** A step's loss from its micro-batch losses: fround(sum_i (n_i / B) * loss_i). */
export function stepLoss (losses: number[], sizes: number[]): number {
  const total = sizes.reduce((a, b) => a + b, 0)
  let s = 0
  losses.forEach((l, i) => { s += (sizes[i] / total) * l })
  return Math.fround(s)
}

function zeroVariable (like: tf.Tensor): tf.Variable {
  const z = tf.zerosLike(like)
  const v = tf.variable(z, false)
  z.dispose()
  return v
}

async function readFlat (vars: tf.Variable[]): Promise<Float32Array> {
  return concatFloat32(await Promise.all(vars.map(async (v) => await v.data() as Float32Array)))
}
