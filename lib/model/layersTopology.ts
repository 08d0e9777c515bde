/**
 * Bring your own model: turns a user's tfjs-layers topology (the JSON of
 * `model.toJSON()`, or a `model.json` saved by tfjs or the Keras converter)
 * into a `layers` model config: a short list of whitelisted layers with only
 * the fields cotrain uses. The config, not the user's JSON, is what travels
 * to workers and validators (in the round announcement's model config) and
 * what the model's content id hashes, and each of them checks it again with
 * {@link checkLayersConfig}, so nobody deserialises arbitrary JSON into tfjs.
 *
 * Why a whitelist: training must be a pure function of weights and data
 * that replays bit for bit on wasm. Dropout (random masks), BatchNorm (moving
 * statistics that are not trainable weights), regularizers and constraints
 * (extra terms the trainer does not know) and recurrent layers break that or
 * are untested; each is refused by name. Initializers in the file are ignored:
 * every kernel starts glorot-uniform and every bias at zero from the round's
 * seed, as for the built-in models; weights in the file are never loaded.
 */
import { readFileSync, statSync } from 'node:fs'
import { InvalidInputError } from '../errors.ts'
import type { LayerActivation, LayerSpec, LayersConfig } from './config.ts'

/** Activations every whitelisted layer may use (a final softmax is dropped: the loss applies it). */
export const LAYER_ACTIVATIONS: readonly LayerActivation[] = ['linear', 'relu', 'tanh', 'sigmoid']
/** Most layers and widest output a topology may have: beyond these a file is a mistake, not a model this network trains. */
export const LAYERS_LIMITS = { layers: 64, units: 65_536, dims: 4, numClasses: 256, weights: 50_000_000, valuesPerSample: 4_000_000 } as const

/** Keras layer options that carry no meaning for training here (names, dtypes, build hints, initializers: see above). */
const IGNORED_OPTIONS = new Set(['name', 'dtype', 'trainable', 'batch_input_shape', 'batch_shape', 'input_shape', 'input_dim', 'build_config', 'kernel_initializer', 'bias_initializer', 'batch_size', 'data_format', 'dilation_rate', 'groups', 'activation'])

/** Largest model file read: a topology is kilobytes; a file this big is weights or a mistake. */
export const MAX_MODEL_FILE_BYTES = 4 * 1024 * 1024

/**
 * Reads a model file (see {@link parseLayersTopology}); a missing, oversized
 * or malformed file is a one-line error with its path.
 */
export function readLayersTopology (file: string): LayersConfig {
  let text: string
  try {
    const size = statSync(file).size
    if (size > MAX_MODEL_FILE_BYTES) throw new InvalidInputError(`model file ${file} is ${size} bytes, a topology is at most ${MAX_MODEL_FILE_BYTES}`, { hint: 'pass the model.json (topology), not its weight files' })
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if (err instanceof InvalidInputError) throw err
    throw new InvalidInputError(`cannot read model file ${file}: ${(err as Error).message}`)
  }
  try {
    return parseLayersTopology(parseJson(text))
  } catch (err) {
    if (err instanceof InvalidInputError) throw new InvalidInputError(`model file ${file}: ${err.shortMessage}`, { hint: err.hint })
    throw err
  }
}

/**
 * Parses a tfjs-layers / Keras Sequential topology into a `layers` model
 * config. Unsupported layers or options, a missing input shape and shapes
 * that do not chain are one-line errors naming the layer.
 *
 * @example
 * const config = parseLayersTopology(JSON.parse(readFileSync('model.json', 'utf8')))
 * // { kind: 'layers', inputShape: [28, 28], numClasses: 10, layers: [{ type: 'flatten' }, { type: 'dense', ... }] }
 */
export function parseLayersTopology (json: unknown): LayersConfig {
  if (typeof json === 'string') json = parseJson(json)
  let top = asObject(json, 'the model file')
  // model.json files wrap the topology (tfjs: modelTopology; the Keras converter: modelTopology.model_config).
  if ('modelTopology' in top) top = asObject(top.modelTopology, 'modelTopology')
  if ('model_config' in top) top = asObject(top.model_config, 'model_config')
  const className = top.class_name
  if (className !== 'Sequential') throw new InvalidInputError(`the model is a ${JSON.stringify(className)}, only Sequential models are supported`, { hint: 'rebuild it with tf.sequential() / keras.Sequential' })
  const config = top.config
  const rawLayers = Array.isArray(config) ? config : asObject(config, 'the Sequential config').layers
  if (!Array.isArray(rawLayers) || rawLayers.length === 0) throw new InvalidInputError('the Sequential model has no layers')
  if (rawLayers.length > LAYERS_LIMITS.layers) throw new InvalidInputError(`the model has ${rawLayers.length} layers, at most ${LAYERS_LIMITS.layers} are supported`)

  let inputShape: number[] | undefined
  const layers: ParsedSpec[] = []
  const names: string[] = []
  rawLayers.forEach((raw, i) => {
    const layer = asObject(raw, `layer ${i}`)
    const cls = String(layer.class_name)
    const opts = asObject(layer.config ?? {}, `layer ${i} config`)
    const where = `layer ${i} ${typeof opts.name === 'string' ? `'${opts.name}' ` : ''}(${cls})`
    const declared = opts.batch_input_shape ?? opts.batch_shape
    if (inputShape === undefined && Array.isArray(declared)) inputShape = declared.slice(1) as number[]
    else if (inputShape === undefined && Array.isArray(opts.input_shape)) inputShape = opts.input_shape as number[]
    if (opts.trainable === false) throw new InvalidInputError(`${where} is frozen (trainable: false); every layer is trained here`)
    const spec = layerSpec(cls, opts, where)
    if (spec !== undefined) { layers.push(spec); names.push(where) }
  })
  if (inputShape === undefined) throw new InvalidInputError('the model declares no input shape', { hint: 'give its first layer an inputShape (tfjs) or an Input / input_shape (Keras)' })
  if (inputShape.some((d) => !Number.isInteger(d) || d < 1)) throw new InvalidInputError(`the model's input shape [${inputShape.map(String).join(', ')}] must be fixed positive sizes`)

  // The loss is softmax cross-entropy over logits: a final softmax is the loss's own, so it is dropped.
  const last = layers[layers.length - 1]
  if (last !== undefined && last.type === 'softmax') layers.pop()
  else if (last !== undefined && 'activation' in last && last.activation === 'softmax') layers[layers.length - 1] = { ...last, activation: 'linear' } as LayerSpec
  const inner = layers.findIndex((l) => l.type === 'softmax' || ('activation' in l && l.activation === 'softmax'))
  if (inner >= 0) throw new InvalidInputError(`${names[inner]}: softmax is only supported as the model's last activation (the loss applies it to the logits)`)
  const specs = layers as LayerSpec[]
  const output = layersOutputShape({ inputShape, layers: specs })
  if (output.length !== 1) throw new InvalidInputError(`the model's output has shape [${output.join(', ')}], it must be one logit per class`, { hint: 'end with a Dense layer of numClasses units' })
  const cfg: LayersConfig = { kind: 'layers', inputShape, numClasses: output[0], layers: specs }
  checkLayersConfig(cfg)
  return cfg
}

/** Validates a `layers` config (as received from a coordinator or written by hand): whitelisted layers, shapes that chain, limits. */
export function checkLayersConfig (cfg: LayersConfig): void {
  const ints = (v: unknown, what: string, len?: number): void => {
    if (!Array.isArray(v) || (len !== undefined && v.length !== len) || v.some((n) => !Number.isInteger(n) || n < 1 || n > LAYERS_LIMITS.units)) throw new InvalidInputError(`layers model ${what} must be ${len ?? 'a list of'} positive integers, got ${JSON.stringify(v)}`)
  }
  ints(cfg.inputShape, 'inputShape')
  if (cfg.inputShape.length > LAYERS_LIMITS.dims) throw new InvalidInputError(`layers model inputShape has ${cfg.inputShape.length} dimensions, at most ${LAYERS_LIMITS.dims}`)
  if (!Array.isArray(cfg.layers) || cfg.layers.length === 0 || cfg.layers.length > LAYERS_LIMITS.layers) throw new InvalidInputError(`layers model must have 1..${LAYERS_LIMITS.layers} layers`)
  cfg.layers.forEach((l, i) => {
    const where = `layer ${i} (${String((l as { type?: unknown }).type)})`
    const act = (a: unknown): void => { if (!LAYER_ACTIVATIONS.includes(a as LayerActivation)) throw new InvalidInputError(`${where}: activation ${JSON.stringify(a)} is not supported`, { hint: `use ${LAYER_ACTIVATIONS.join(', ')}` }) }
    const only = (keys: string[]): void => {
      const extra = Object.keys(l).filter((k) => k !== 'type' && !keys.includes(k))
      if (extra.length > 0) throw new InvalidInputError(`${where}: unknown key '${extra[0]}'`)
    }
    switch (l.type) {
      case 'dense': only(['units', 'activation', 'useBias']); ints([l.units], 'dense units'); act(l.activation); break
      case 'flatten': only([]); break
      case 'reshape': only(['targetShape']); ints(l.targetShape, 'reshape targetShape'); break
      case 'activation': only(['activation']); act(l.activation); break
      case 'conv2d': only(['filters', 'kernelSize', 'strides', 'padding', 'activation', 'useBias']); ints([l.filters], 'conv2d filters'); ints(l.kernelSize, 'conv2d kernelSize', 2); ints(l.strides, 'conv2d strides', 2); pad(l.padding, where); act(l.activation); break
      case 'maxPooling2d': case 'averagePooling2d': only(['poolSize', 'strides', 'padding']); ints(l.poolSize, 'pooling poolSize', 2); ints(l.strides, 'pooling strides', 2); pad(l.padding, where); break
      default: throw new InvalidInputError(`${where} is not a supported layer`)
    }
    if ((l.type === 'dense' || l.type === 'conv2d') && typeof l.useBias !== 'boolean') throw new InvalidInputError(`${where}: useBias must be true or false`)
  })
  // Workers allocate what this config says, so a coordinator cannot make them build a model no machine holds.
  const shapes = layersOutputShapes(cfg)
  let weights = 0
  cfg.layers.forEach((l, i) => {
    const input = i === 0 ? cfg.inputShape : shapes[i - 1]
    const values = shapes[i].reduce((a, b) => a * b, 1)
    if (values > LAYERS_LIMITS.valuesPerSample) throw new InvalidInputError(`layer ${i} (${l.type}) outputs ${values} values per sample, at most ${LAYERS_LIMITS.valuesPerSample}`)
    if (l.type === 'dense') weights += input[input.length - 1] * l.units + (l.useBias ? l.units : 0)
    if (l.type === 'conv2d') weights += l.kernelSize[0] * l.kernelSize[1] * input[2] * l.filters + (l.useBias ? l.filters : 0)
  })
  if (weights > LAYERS_LIMITS.weights) throw new InvalidInputError(`the model has ${weights} weights, at most ${LAYERS_LIMITS.weights}`)
  const out = shapes[shapes.length - 1]
  if (out.length !== 1 || out[0] < 2 || out[0] > LAYERS_LIMITS.numClasses) throw new InvalidInputError(`layers model output [${out.join(', ')}] must be 2..${LAYERS_LIMITS.numClasses} logits`)
  if (cfg.numClasses !== out[0]) throw new InvalidInputError(`layers model numClasses ${cfg.numClasses} does not match its output width ${out[0]}`)
}

/** Shape of one sample after every layer (without the batch axis); a layer that does not fit its input is a one-line error naming it. */
export function layersOutputShapes (cfg: Pick<LayersConfig, 'inputShape' | 'layers'>): number[][] {
  let shape = [...cfg.inputShape]
  const shapes: number[][] = []
  const size = (s: number[]): number => s.reduce((a, b) => a * b, 1)
  cfg.layers.forEach((l, i) => {
    const where = `layer ${i} (${l.type}) on input [${shape.join(', ')}]`
    switch (l.type) {
      case 'dense': shape = [...shape.slice(0, -1), l.units]; break
      case 'flatten': shape = [size(shape)]; break
      case 'reshape': {
        if (size(l.targetShape) !== size(shape)) throw new InvalidInputError(`${where}: cannot reshape ${size(shape)} values to [${l.targetShape.join(', ')}]`)
        shape = [...l.targetShape]
        break
      }
      case 'activation': break
      case 'conv2d': case 'maxPooling2d': case 'averagePooling2d': {
        if (shape.length !== 3) throw new InvalidInputError(`${where}: needs [height, width, channels] input`, { hint: 'put a Reshape to [h, w, c] before it' })
        const k = l.type === 'conv2d' ? l.kernelSize : l.poolSize
        const [h, w] = [0, 1].map((d) => l.padding === 'same' ? Math.ceil(shape[d] / l.strides[d]) : Math.floor((shape[d] - k[d]) / l.strides[d]) + 1)
        if (h < 1 || w < 1) throw new InvalidInputError(`${where}: window [${k.join(', ')}] is larger than the input`)
        shape = [h, w, l.type === 'conv2d' ? l.filters : shape[2]]
        break
      }
      default: throw new InvalidInputError(`layer ${i} (${String((l as { type?: unknown }).type)}) is not a supported layer`)
    }
    shapes.push(shape)
  })
  return shapes
}

/** Shape of one sample's output (the last of {@link layersOutputShapes}). */
export function layersOutputShape (cfg: Pick<LayersConfig, 'inputShape' | 'layers'>): number[] {
  const shapes = layersOutputShapes(cfg)
  return shapes[shapes.length - 1] ?? cfg.inputShape
}

/** A layer as read from the file: a softmax is kept until it is known to be the last. */
type ParsedSpec = WithSoftmax<LayerSpec> | { type: 'softmax' }
type WithSoftmax<T> = T extends { activation: LayerActivation } ? Omit<T, 'activation'> & { activation: LayerActivation | 'softmax' } : T

/** One Keras layer -> its spec; undefined for an InputLayer (its shape is the model's input shape). */
function layerSpec (cls: string, o: Record<string, unknown>, where: string): ParsedSpec | undefined {
  const known = new Set(IGNORED_OPTIONS)
  const use = (...keys: string[]): void => { for (const k of keys) known.add(k) }
  let spec: ParsedSpec | undefined
  switch (cls) {
    case 'InputLayer': use('sparse', 'ragged', 'optional'); break
    case 'Dense': use('units', 'use_bias'); spec = { type: 'dense', units: o.units as number, activation: activation(o.activation, where), useBias: o.use_bias !== false }; break
    case 'Flatten': spec = { type: 'flatten' }; break
    case 'Reshape': use('target_shape'); spec = { type: 'reshape', targetShape: o.target_shape as number[] }; break
    case 'Activation': spec = activation(o.activation, where) === 'softmax' ? { type: 'softmax' } : { type: 'activation', activation: activation(o.activation, where) as LayerActivation }; break
    case 'Softmax': use('axis'); spec = { type: 'softmax' }; break
    case 'Conv2D': use('filters', 'kernel_size', 'strides', 'padding', 'use_bias')
      spec = { type: 'conv2d', filters: o.filters as number, kernelSize: pair(o.kernel_size), strides: pair(o.strides ?? 1), padding: o.padding as 'valid', activation: activation(o.activation, where), useBias: o.use_bias !== false }
      break
    case 'MaxPooling2D': case 'AveragePooling2D': use('pool_size', 'strides', 'padding')
      spec = { type: cls === 'MaxPooling2D' ? 'maxPooling2d' : 'averagePooling2d', poolSize: pair(o.pool_size ?? 2), strides: pair(o.strides ?? o.pool_size ?? 2), padding: (o.padding ?? 'valid') as 'valid' }
      break
    case 'Dropout': case 'SpatialDropout2D': case 'GaussianDropout': case 'GaussianNoise': case 'AlphaDropout':
      throw new InvalidInputError(`${where} is not supported: it draws random masks, so training could not be replayed bit for bit`, { hint: 'remove it' })
    case 'BatchNormalization':
      throw new InvalidInputError(`${where} is not supported: its moving statistics are not trainable weights, so they are neither averaged nor replayed`, { hint: 'remove it or use a model without normalisation' })
    default:
      throw new InvalidInputError(`${where} is not a supported layer`, { hint: 'supported: Dense, Flatten, Reshape, Activation, Conv2D, MaxPooling2D, AveragePooling2D, InputLayer' })
  }
  for (const [k, v] of Object.entries(o)) {
    if (known.has(k) || v === null || v === undefined) continue
    throw new InvalidInputError(`${where}: option '${k}' is not supported`, { hint: /regularizer|constraint/.test(k) ? 'remove it: the trainer minimises only the loss' : undefined })
  }
  if (o.data_format !== undefined && o.data_format !== null && o.data_format !== 'channels_last') throw new InvalidInputError(`${where}: data_format ${JSON.stringify(o.data_format)} is not supported (only channels_last)`)
  for (const k of ['dilation_rate', 'groups']) {
    if (o[k] !== undefined && o[k] !== null && [o[k]].flat().some((d) => d !== 1)) throw new InvalidInputError(`${where}: ${k} ${JSON.stringify(o[k])} is not supported (only 1)`)
  }
  if (typeof o.dtype === 'string' && o.dtype !== 'float32') throw new InvalidInputError(`${where}: dtype ${o.dtype} is not supported (only float32)`)
  return spec
}

function activation (v: unknown, where: string): LayerActivation | 'softmax' {
  const name = v === undefined || v === null ? 'linear' : v
  if (name === 'softmax' || LAYER_ACTIVATIONS.includes(name as LayerActivation)) return name as LayerActivation | 'softmax'
  throw new InvalidInputError(`${where}: activation ${JSON.stringify(name)} is not supported`, { hint: `use ${LAYER_ACTIVATIONS.join(', ')} (softmax only last)` })
}

function pad (v: unknown, where: string): void {
  if (v !== 'valid' && v !== 'same') throw new InvalidInputError(`${where}: padding ${JSON.stringify(v)} is not supported (valid or same)`)
}

function pair (v: unknown): [number, number] {
  return (Array.isArray(v) ? [v[0], v[1]] : [v, v]) as [number, number]
}

function asObject (v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InvalidInputError(`${what} is not a JSON object`, { hint: 'pass the JSON of model.toJSON() or a model.json' })
  return v as Record<string, unknown>
}

function parseJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new InvalidInputError(`the model file is not JSON: ${(err as Error).message}`)
  }
}
