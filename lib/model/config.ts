import { InvalidInputError } from '../errors.ts'
import { sha256Hex, type Hex } from '../hash/sha256.ts'

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

/** Every model cotrain trains. A new architecture is a new config kind plus a builder in `modelBuilders`. */
export type ModelConfig = MlpConfig | CnnConfig
export type ModelKind = ModelConfig['kind']

/** A config as a user writes it: `kind` plus any subset of that kind's fields. */
export type ModelConfigInput = { kind: 'mlp' } & Partial<MlpConfig> | { kind: 'cnn' } & Partial<CnnConfig>

/** Defaults per kind (MNIST-sized). */
export const MODEL_DEFAULTS = {
  mlp: { kind: 'mlp', inputShape: [28, 28], hidden: [128], activation: 'relu', numClasses: 10 },
  cnn: { kind: 'cnn', inputShape: [28, 28, 1], filters: [8, 16], kernelSize: 3, dense: [64], numClasses: 10 }
} as const satisfies { [K in ModelKind]: Extract<ModelConfig, { kind: K }> }

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
