/**
 * The round's training hyper-parameters on the wire: `HyperParameters` in
 * every round announcement carries all of TrainingHyperParams, once. The
 * coordinator, the worker and the validator convert through these two
 * functions only, so the three always train and replay with the same values.
 */
import { InvalidInputError } from '../errors.ts'
import { cotrain } from '../proto/cotrain.js'
import { resolveHyperParams, type TrainingHyperParams } from '../training/hyperParams.ts'
import type { HyperParameters } from './messages.ts'

const ENC = cotrain.v1.DeltaEncoding

/**
 * The wire form of resolved hyper-parameters.
 *
 * @example
 * announcement.hyperParameters = hyperParamsToWire(resolveHyperParams({ steps: 100 }))
 */
export function hyperParamsToWire (h: TrainingHyperParams): HyperParameters {
  return {
    innerSteps: h.steps,
    batchSize: h.batchSize,
    learningRate: h.learningRate,
    checkpointInterval: h.checkpointInterval,
    optimizer: 'adam',
    beta1: h.beta1,
    beta2: h.beta2,
    epsilon: h.epsilon,
    deltaEncoding: h.deltaEncoding === 'float32' ? ENC.DELTA_ENCODING_FLOAT32 : ENC.DELTA_ENCODING_INT8_SCALED,
    deltaChunk: h.deltaChunk
  }
}

/**
 * The hyper-parameters an announcement carries, range-checked. Nothing is
 * defaulted: a field the coordinator left out (0 on the wire) is an
 * InvalidInputError, never a value the reader made up.
 */
export function hyperParamsFromWire (w: HyperParameters | null | undefined): TrainingHyperParams {
  if (w == null) throw new InvalidInputError('the announcement has no hyper_parameters')
  if ((w.optimizer ?? '') !== 'adam') throw new InvalidInputError(`unsupported inner optimizer '${w.optimizer ?? ''}' (only adam)`)
  const encoding = w.deltaEncoding === ENC.DELTA_ENCODING_FLOAT32 ? 'float32' : w.deltaEncoding === ENC.DELTA_ENCODING_INT8_SCALED ? 'int8' : undefined
  if (encoding === undefined) throw new InvalidInputError(`unsupported delta_encoding ${w.deltaEncoding ?? 0}`)
  return resolveHyperParams({
    steps: w.innerSteps ?? 0,
    batchSize: w.batchSize ?? 0,
    learningRate: w.learningRate ?? 0,
    checkpointInterval: w.checkpointInterval ?? 0,
    beta1: w.beta1 ?? 0,
    beta2: w.beta2 ?? 0,
    epsilon: w.epsilon ?? 0,
    deltaEncoding: encoding,
    deltaChunk: w.deltaChunk ?? 0
  })
}
