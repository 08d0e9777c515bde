import { InvalidInputError } from '../errors.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'
import { checkLayersConfig } from './layersTopology.ts'

/** Multi-layer perceptron: flatten, dense+activation per hidden width, dense logits. */
export interface MlpConfig {
  kind: 'mlp'
  /** Shape of one input sample (its product is the input width). */
  inputShape: number[]
  hidden: number[]
  activation: 'relu' | 'tanh'
  numClasses: number
}

/** Small CNN: per entry of `filters` a same-padded conv + relu + 2x2 max-pool, then dense layers, then logits. */
export interface CnnConfig {
  kind: 'cnn'
  /** [height, width, channels]. */
  inputShape: number[]
  filters: number[]
  kernelSize: number
  dense: number[]
  numClasses: number
}

/**
 * Decoder-only transformer language model (lib/model/gpt.ts), nanoGPT's
 * layout: token + position embeddings, `layers` pre-norm blocks of causal
 * self-attention (`heads` heads) and a 4x MLP, a final norm, logits over the
 * vocabulary. A sample is `contextLength + 1` token ids.
 */
export interface GptConfig {
  kind: 'gpt'
  vocabSize: number
  contextLength: number
  layers: number
  heads: number
  embedDim: number
}

/** Activations a `layers` model may use (softmax only as the loss, see layersTopology.ts). */
export type LayerActivation = 'linear' | 'relu' | 'tanh' | 'sigmoid'

/** One whitelisted layer of a `layers` model (lib/model/layersTopology.ts reads them from a tfjs / Keras topology). */
export type LayerSpec =
  | { type: 'dense', units: number, activation: LayerActivation, useBias: boolean }
  | { type: 'flatten' }
  | { type: 'reshape', targetShape: number[] }
  | { type: 'activation', activation: LayerActivation }
  | { type: 'conv2d', filters: number, kernelSize: [number, number], strides: [number, number], padding: 'valid' | 'same', activation: LayerActivation, useBias: boolean }
  | { type: 'maxPooling2d' | 'averagePooling2d', poolSize: [number, number], strides: [number, number], padding: 'valid' | 'same' }

/**
 * A user's own classifier ("bring your own model", `coordinator start
 * --model-file`): a Sequential stack of whitelisted layers over samples of
 * `inputShape`, ending in `numClasses` logits.
 */
export interface LayersConfig {
  kind: 'layers'
  inputShape: number[]
  numClasses: number
  layers: LayerSpec[]
}

/** Every model cotrain trains. A new architecture is a new config kind plus a builder in `modelBuilders`. */
export type ModelConfig = MlpConfig | CnnConfig | GptConfig | LayersConfig
export type ModelKind = ModelConfig['kind']

/** A config as a user writes it: `kind` plus any subset of that kind's fields. */
export type ModelConfigInput = { kind: 'mlp' } & Partial<MlpConfig> | { kind: 'cnn' } & Partial<CnnConfig> | { kind: 'gpt' } & Partial<GptConfig> | { kind: 'layers' } & Partial<LayersConfig>

/**
 * Defaults per kind: MNIST-sized classifiers; the GPT is the small
 * character model measured in toolchain.md (0.42M weights, about 1,200
 * tokens/s on one wasm core), its vocabulary wide enough for printable ASCII
 * and a newline.
 */
export const MODEL_DEFAULTS = {
  mlp: { kind: 'mlp', inputShape: [28, 28], hidden: [128], activation: 'relu', numClasses: 10 },
  cnn: { kind: 'cnn', inputShape: [28, 28, 1], filters: [8, 16], kernelSize: 3, dense: [64], numClasses: 10 },
  gpt: { kind: 'gpt', vocabSize: 96, contextLength: 64, layers: 2, heads: 4, embedDim: 128 },
  // Only a placeholder: a layers model comes whole from --model-file (softmax regression on MNIST).
  layers: { kind: 'layers', inputShape: [28, 28], numClasses: 10, layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'linear', useBias: true }] }
} as const satisfies { [K in ModelKind]: Extract<ModelConfig, { kind: K }> }

/** Largest GPT sizes accepted: beyond these a config is a typo, not a model this network trains. */
export const GPT_LIMITS = { vocabSize: 65_536, contextLength: 4096, layers: 96, heads: 128, embedDim: 16_384 } as const

/**
 * Fills defaults and validates a model config: unknown kinds or keys, and
 * out-of-range sizes, are one-line errors naming the key.
 *
 * @example
 * resolveModelConfig({ kind: 'mlp', hidden: [128] })
 * // { kind: 'mlp', inputShape: [28, 28], hidden: [128], activation: 'relu', numClasses: 10 }
 */
export function resolveModelConfig (input: ModelConfigInput | ModelConfig): ModelConfig {
  const kind = (input as { kind?: string }).kind
  if (kind === undefined || !(kind in MODEL_DEFAULTS)) throw new InvalidInputError(`unknown model kind '${String(kind)}'`, { hint: `use one of ${Object.keys(MODEL_DEFAULTS).join(', ')}` })
  const defaults = MODEL_DEFAULTS[kind as ModelKind] as Record<string, unknown>
  for (const key of Object.keys(input)) {
    if (!(key in defaults)) throw new InvalidInputError(`unknown key '${key}' in ${kind} model config`, { hint: `known keys: ${Object.keys(defaults).join(', ')}` })
  }
  const cfg = structuredClone({ ...defaults, ...input }) as ModelConfig
  const positiveInts = (name: string, v: unknown, minLen = 0): void => {
    if (!Array.isArray(v) || v.length < minLen || v.some((n) => !Number.isInteger(n) || n < 1)) throw new InvalidInputError(`model ${name} must be a list of positive integers${minLen > 0 ? ` (at least ${minLen})` : ''}, got ${JSON.stringify(v)}`)
  }
  if (cfg.kind === 'gpt') {
    checkGpt(cfg)
    return cfg
  }
  if (cfg.kind === 'layers') {
    checkLayersConfig(cfg)
    return cfg
  }
  positiveInts('inputShape', cfg.inputShape, 1)
  if (!Number.isInteger(cfg.numClasses) || cfg.numClasses < 2 || cfg.numClasses > 256) throw new InvalidInputError(`model numClasses must be in 2..256, got ${cfg.numClasses}`)
  if (cfg.kind === 'mlp') {
    positiveInts('hidden', cfg.hidden)
    if (cfg.activation !== 'relu' && cfg.activation !== 'tanh') throw new InvalidInputError(`mlp activation must be 'relu' or 'tanh', got '${String(cfg.activation)}'`)
  } else {
    positiveInts('filters', cfg.filters)
    positiveInts('dense', cfg.dense)
    if (cfg.inputShape.length !== 3) throw new InvalidInputError(`cnn inputShape must be [height, width, channels], got ${JSON.stringify(cfg.inputShape)}`)
    if (!Number.isInteger(cfg.kernelSize) || cfg.kernelSize < 1 || cfg.kernelSize > 15) throw new InvalidInputError(`cnn kernelSize must be in 1..15, got ${cfg.kernelSize}`)
  }
  return cfg
}

function checkGpt (cfg: GptConfig): void {
  const range = (key: keyof typeof GPT_LIMITS, min: number): void => {
    const v = cfg[key]
    if (!Number.isInteger(v) || v < min || v > GPT_LIMITS[key]) throw new InvalidInputError(`gpt ${key} must be an integer in ${min}..${GPT_LIMITS[key]}, got ${JSON.stringify(v)}`)
  }
  range('vocabSize', 2)
  range('contextLength', 1)
  range('layers', 1)
  range('heads', 1)
  range('embedDim', 1)
  if (cfg.embedDim % cfg.heads !== 0) throw new InvalidInputError(`gpt embedDim ${cfg.embedDim} must be a multiple of heads ${cfg.heads}`, { hint: 'each head gets embedDim / heads dimensions' })
}

/**
 * Content id of an architecture: sha256 of the resolved config as JSON with
 * sorted keys. Two parties agree on a model when they agree on this id and on
 * the weights id.
 */
export function modelConfigId (config: ModelConfigInput | ModelConfig): Hex {
  return sha256Hex(new TextEncoder().encode(canonicalJson(resolveModelConfig(config))))
}

function canonicalJson (v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`
  return JSON.stringify(v)
}
