import { InvalidInputError } from '../errors.ts'
import { DEFAULT_DELTA_CHUNK, type DeltaEncoding } from '../proof/delta.ts'

/** The round's training hyper-parameters (set by the coordinator, identical for every worker). */
export interface TrainingHyperParams {
  /** Inner steps H. */
  steps: number
  batchSize: number
  learningRate: number
  /** Checkpoint interval k: a checkpoint after every k steps (and after the last step). */
  checkpointInterval: number
  beta1: number
  beta2: number
  epsilon: number
  deltaEncoding: DeltaEncoding
  deltaChunk: number
}

export const HYPER_DEFAULTS: TrainingHyperParams = {
  steps: 100,
  batchSize: 64,
  learningRate: 1e-3,
  checkpointInterval: 10,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  deltaEncoding: 'int8',
  deltaChunk: DEFAULT_DELTA_CHUNK
}

/** Defaults filled in and ranges checked; unknown keys are an error. */
export function resolveHyperParams (input: Partial<TrainingHyperParams> = {}): TrainingHyperParams {
  for (const k of Object.keys(input)) {
    if (!(k in HYPER_DEFAULTS)) throw new InvalidInputError(`unknown training hyper-parameter '${k}'`, { hint: `known: ${Object.keys(HYPER_DEFAULTS).join(', ')}` })
  }
  const h = { ...HYPER_DEFAULTS, ...input }
  const int = (k: 'steps' | 'batchSize' | 'checkpointInterval' | 'deltaChunk', max: number): void => {
    if (!Number.isInteger(h[k]) || h[k] < 1 || h[k] > max) throw new InvalidInputError(`${k} must be an integer in 1..${max}, got ${h[k]}`)
  }
  int('steps', 10_000_000)
  int('batchSize', 65536)
  int('checkpointInterval', 10_000_000)
  int('deltaChunk', 1 << 24)
  const range = (k: 'learningRate' | 'beta1' | 'beta2' | 'epsilon', lo: number, hi: number): void => {
    if (!(typeof h[k] === 'number' && h[k] > lo && h[k] < hi)) throw new InvalidInputError(`${k} must be in (${lo}, ${hi}), got ${h[k]}`)
  }
  range('learningRate', 0, 10)
  range('beta1', 0, 1)
  range('beta2', 0, 1)
  range('epsilon', 0, 1)
  if (h.deltaEncoding !== 'int8' && h.deltaEncoding !== 'float32') throw new InvalidInputError(`deltaEncoding must be 'int8' or 'float32', got '${String(h.deltaEncoding)}'`)
  return h
}

/** Number of checkpoints of a run: index 0 (the start) plus one per segment. */
export function checkpointCount (h: Pick<TrainingHyperParams, 'steps' | 'checkpointInterval'>): number {
  return Math.ceil(h.steps / h.checkpointInterval) + 1
}

/** Optimizer step count at checkpoint j: min(j*k, H). */
export function checkpointStep (h: Pick<TrainingHyperParams, 'steps' | 'checkpointInterval'>, j: number): number {
  return Math.min(j * h.checkpointInterval, h.steps)
}
