import { InvalidDeltaError } from '../errors.ts'

/**
 * Rejects a delta that cannot be aggregated: a length other than the model's
 * parameter count, or any NaN/Infinity (reported with its first index).
 *
 * @example
 * validateDelta(delta, model.length, 'delta of worker 12D3...')
 */
export function validateDelta (delta: Float32Array, expectedLength: number, label = 'delta'): void {
  if (delta.length !== expectedLength) {
    throw new InvalidDeltaError(`${label} has ${delta.length} values, the model has ${expectedLength}`, { hint: 'train from the round\'s global model and send the full flat delta' })
  }
  const index = firstNonFinite(delta)
  if (index !== -1) {
    throw new InvalidDeltaError(`${label} has a non-finite value (${delta[index]}) at index ${index}`, { index, hint: 'the local training diverged; lower the learning rate' })
  }
}

/** Index of the first NaN or +-Infinity, or -1. */
export function firstNonFinite (values: Float32Array): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    // v - v is 0 for every finite v and NaN for NaN and +-Infinity.
    if (v - v !== 0) return i
  }
  return -1
}
