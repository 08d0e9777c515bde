import * as tf from '@tensorflow/tfjs'
import { InvalidInputError } from '../errors.ts'
import type { Dataset } from '../data/Dataset.ts'
import { batchTensors } from './batchTensors.ts'
import { buildGpt } from './gpt.ts'
import { quietCpuBanner } from './quietCpuBanner.ts'
import { resolveModelConfig, type CnnConfig, type GptConfig, type LayersConfig, type MlpConfig, type ModelConfig, type ModelConfigInput, type ModelKind } from './config.ts'

/** How a weight tensor is initialised (see initialWeights). */
export type WeightInit = 'glorot-uniform' | 'zeros' | 'ones'

/** One trainable tensor in canonical order. `name` is stable across processes (unlike tfjs variable names). */
export interface WeightSpec {
  name: string
  shape: number[]
  size: number
  init: WeightInit
  fanIn: number
  fanOut: number
}

/**
 * A built model: its trainable variables in canonical order (the order of the
 * flat weight vector) and a forward function from a batch [B, ...inputShape]
 * to logits [B, numClasses]. Trainer, verifier and evaluator only use this
 * interface, so an architecture that is not a tfjs-layers model (a small
 * transformer written with tf ops) plugs in as one more builder.
 */
export interface CotrainModel {
  config: ModelConfig
  specs: WeightSpec[]
  variables: tf.Variable[]
  /** Total number of float32 weights. */
  weightCount: number
  apply: (x: tf.Tensor, training: boolean) => tf.Tensor
  /**
   * Inputs and one-hot targets for samples of a dataset; logits and targets
   * share their shape, the loss is softmax cross-entropy over the last axis.
   * Image classifiers use batchTensors; a sequence model brings its own
   * (token ids in, next-token targets [B, T, vocab] out).
   */
  batch: (dataset: Dataset, indices: ArrayLike<number>) => { x: tf.Tensor, y: tf.Tensor }
  dispose: () => void
  /** The underlying tfjs-layers model, for builders that use one. */
  layersModel?: tf.LayersModel
}

/** Builds the variables and forward function of one model kind (weights come later, from setFlatWeights). */
export type ModelBuilder<C extends ModelConfig> = (config: C) => Omit<CotrainModel, 'config' | 'weightCount' | 'batch'> & Partial<Pick<CotrainModel, 'batch'>>

/** Builders by kind. Adding an architecture = a config type in config.ts + an entry here. */
export const modelBuilders: { [K in ModelKind]: ModelBuilder<Extract<ModelConfig, { kind: K }>> } = {
  mlp: buildMlp,
  cnn: buildCnn,
  gpt: buildGpt,
  layers: buildLayers
}

/**
 * Builds a model from a plain config (defaults filled in, validated). Its
 * variables start at zero: set them with `setFlatWeights(model,
 * initialWeights(config, seed))` or from received weights.
 *
 * @example
 * const model = buildModel({ kind: 'mlp', hidden: [128] })
 */
export function buildModel (input: ModelConfigInput | ModelConfig): CotrainModel {
  const config = resolveModelConfig(input)
  quietCpuBanner()
  const builder = modelBuilders[config.kind] as ModelBuilder<ModelConfig>
  const built = builder(config)
  return { batch: (d, idx) => batchTensors(d, idx, config as Exclude<ModelConfig, GptConfig>), ...built, config, weightCount: built.specs.reduce((a, s) => a + s.size, 0) }
}

const weightCounts = new Map<string, number>()

/** Number of float32 weights of a config (built once per config and cached). */
export function modelWeightCount (input: ModelConfigInput | ModelConfig): number {
  const config = resolveModelConfig(input)
  const key = JSON.stringify(config)
  let n = weightCounts.get(key)
  if (n === undefined) {
    const m = buildModel(config)
    n = m.weightCount
    m.dispose()
    weightCounts.set(key, n)
  }
  return n
}

function buildMlp (config: MlpConfig): ReturnType<ModelBuilder<MlpConfig>> {
  const layers: tf.layers.Layer[] = []
  const inputShape = config.inputShape
  if (inputShape.length > 1) layers.push(tf.layers.flatten({ inputShape }))
  config.hidden.forEach((units, i) => {
    layers.push(tf.layers.dense({ units, activation: config.activation, kernelInitializer: 'zeros', ...(i === 0 && inputShape.length === 1 ? { inputShape } : {}) }))
  })
  layers.push(tf.layers.dense({ units: config.numClasses, kernelInitializer: 'zeros', ...(config.hidden.length === 0 && inputShape.length === 1 ? { inputShape } : {}) }))
  return fromLayers(tf.sequential({ layers }))
}

function buildCnn (config: CnnConfig): ReturnType<ModelBuilder<CnnConfig>> {
  const layers: tf.layers.Layer[] = []
  config.filters.forEach((filters, i) => {
    layers.push(tf.layers.conv2d({ filters, kernelSize: config.kernelSize, padding: 'same', activation: 'relu', kernelInitializer: 'zeros', ...(i === 0 ? { inputShape: config.inputShape } : {}) }))
    layers.push(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }))
  })
  layers.push(tf.layers.flatten(config.filters.length === 0 ? { inputShape: config.inputShape } : {}))
  for (const units of config.dense) layers.push(tf.layers.dense({ units, activation: 'relu', kernelInitializer: 'zeros' }))
  layers.push(tf.layers.dense({ units: config.numClasses, kernelInitializer: 'zeros' }))
  return fromLayers(tf.sequential({ layers }))
}

/**
 * A user's Sequential model (lib/model/layersTopology.ts validated it): each
 * whitelisted layer rebuilt with tf.layers from its few fields, kernels
 * zeroed like the built-in kinds (seeded weights come from setFlatWeights).
 */
function buildLayers (config: LayersConfig): ReturnType<ModelBuilder<LayersConfig>> {
  const layers = config.layers.map((l, i) => {
    const first = i === 0 ? { inputShape: config.inputShape } : {}
    switch (l.type) {
      case 'dense': return tf.layers.dense({ ...first, units: l.units, activation: l.activation, useBias: l.useBias, kernelInitializer: 'zeros' })
      case 'flatten': return tf.layers.flatten(first)
      case 'reshape': return tf.layers.reshape({ ...first, targetShape: l.targetShape })
      case 'activation': return tf.layers.activation({ ...first, activation: l.activation })
      case 'conv2d': return tf.layers.conv2d({ ...first, filters: l.filters, kernelSize: l.kernelSize, strides: l.strides, padding: l.padding, activation: l.activation, useBias: l.useBias, kernelInitializer: 'zeros' })
      case 'maxPooling2d': return tf.layers.maxPooling2d({ ...first, poolSize: l.poolSize, strides: l.strides, padding: l.padding })
      case 'averagePooling2d': return tf.layers.averagePooling2d({ ...first, poolSize: l.poolSize, strides: l.strides, padding: l.padding })
    }
    throw new InvalidInputError(`layer ${i} (${String((l as { type: unknown }).type)}) is not a supported layer`)
  })
  return fromLayers(tf.sequential({ layers }))
}

/** Wraps a tfjs-layers model: canonical order = `model.trainableWeights` order; roles from the weight's local name. */
function fromLayers (model: tf.LayersModel): ReturnType<ModelBuilder<ModelConfig>> {
  const specs: WeightSpec[] = []
  const variables: tf.Variable[] = []
  model.trainableWeights.forEach((w, i) => {
    const shape = w.shape as number[]
    const local = w.originalName.split('/').pop() ?? ''
    const { fanIn, fanOut } = fans(shape)
    const init: WeightInit = local === 'kernel' ? 'glorot-uniform' : local === 'gamma' ? 'ones' : 'zeros'
    if (local !== 'kernel' && local !== 'bias' && local !== 'gamma' && local !== 'beta') throw new InvalidInputError(`model has a weight '${w.originalName}' with no known initialiser`)
    specs.push({ name: `${i}/${local}`, shape, size: shape.reduce((a, b) => a * b, 1), init, fanIn, fanOut })
    variables.push(w.read() as tf.Variable)
  })
  return {
    specs,
    variables,
    apply: (x, training) => model.apply(x, { training }) as tf.Tensor,
    dispose: () => { model.dispose() },
    layersModel: model
  }
}

/** Keras fan-in/fan-out: dense [in, out]; conv [...kernel, in, out] times the receptive field. */
function fans (shape: number[]): { fanIn: number, fanOut: number } {
  if (shape.length < 2) return { fanIn: shape[0] ?? 1, fanOut: shape[0] ?? 1 }
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1)
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive }
}
